const WAREHOUSE_URL = 'https://warehouse.internal.example/api/orders';

export async function sendOrder(order) {
  const lines = order.items.map((i) => `<line sku="${encodeURIComponent(i.sku)}" qty="${Number(i.qty)}"/>`).join('');
  const res = await fetch(WAREHOUSE_URL, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: `<?xml version="1.0"?><order id="${Number(order.id)}"><giftNote>${order.giftNote}</giftNote>${lines}</order>` }); // expect: xml-injection
  if (!res.ok) throw new Error(`warehouse answered ${res.status}`);
}
