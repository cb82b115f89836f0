import { request } from 'undici';
import { create } from 'xmlbuilder2';

export async function chargeCard(reference: string, amount: string) {
  const res = await request('https://gateway.example-psp.com/v2/charge', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: create({ version: '1.0' }).ele('Charge').ele('Merchant').txt('M-1001').up().ele('Reference').txt(reference).up().ele('Amount').txt(amount).end() });
  return { status: res.statusCode };
}
