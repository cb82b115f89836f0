import { create } from 'xmlbuilder2';

const WAREHOUSE_URL = 'https://warehouse.internal.example/api/orders';

export async function sendOrder(order) {
  const doc = create({ version: '1.0' }).ele('order', { id: String(Number(order.id)) });
  doc.ele('giftNote').txt(String(order.giftNote));
  for (const i of order.items) doc.ele('line', { sku: String(i.sku), qty: String(Number(i.qty)) });
  const res = await fetch(WAREHOUSE_URL, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: doc.end() });
  if (!res.ok) throw new Error(`warehouse answered ${res.status}`);
}
