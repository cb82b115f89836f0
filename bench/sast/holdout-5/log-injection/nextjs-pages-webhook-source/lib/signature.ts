import { createHmac, timingSafeEqual } from 'node:crypto';

export function verifySignature(header: string | string[] | undefined, body: string): boolean {
  if (typeof header !== 'string') return false;
  const expected = createHmac('sha256', process.env.WEBHOOK_SECRET ?? '').update(body).digest('hex');
  return header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}
