import { createHmac, timingSafeEqual } from 'node:crypto';

const SECRET = process.env.NEWSLETTER_SECRET ?? 'dev-secret';
const unsubscribed = new Set();

export async function unsubscribe(email, token) {
  if (typeof email !== 'string' || typeof token !== 'string') return false;
  const expected = createHmac('sha256', SECRET).update(email).digest('hex');
  if (expected.length !== token.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(token))) return false;
  unsubscribed.add(email);
  return true;
}
