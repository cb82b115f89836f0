import { request } from 'undici';

export async function chargeCard(reference: string, amount: string) {
  const res = await request('https://gateway.example-psp.com/v2/charge', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0"?><Charge><Merchant>M-1001</Merchant><Reference>${reference}</Reference><Amount>${amount}</Amount></Charge>` }); // expect: xml-injection
  return { status: res.statusCode };
}
