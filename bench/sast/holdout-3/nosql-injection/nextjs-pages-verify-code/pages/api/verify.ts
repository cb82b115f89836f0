import type { NextApiRequest, NextApiResponse } from 'next';
import clientPromise from '../../lib/mongodb';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  const { email, code } = req.body;
  const db = (await clientPromise).db();
  const pending = await db.collection('verifications').findOne({ email, code }); // expect: nosql-injection
  if (!pending) return res.status(400).json({ ok: false });
  await db.collection('users').updateOne({ email: pending.email }, { $set: { verified: true } });
  res.json({ ok: true });
}
