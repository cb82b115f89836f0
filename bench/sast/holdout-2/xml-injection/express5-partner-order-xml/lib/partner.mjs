import axios from 'axios';

const PARTNER_URL = 'https://fulfilment.partner.example/api/orders';
const esc = (value) => String(value);

export async function submitOrder(order) {
  await axios.post(PARTNER_URL, `<?xml version="1.0"?><order id="${esc(order.id)}"><customer>${esc(order.customer)}</customer><line sku="${esc(order.sku)}" qty="${esc(order.quantity)}"/><note>${esc(order.note)}</note></order>`, { headers: { 'Content-Type': 'application/xml' } }); // expect: xml-injection
}
