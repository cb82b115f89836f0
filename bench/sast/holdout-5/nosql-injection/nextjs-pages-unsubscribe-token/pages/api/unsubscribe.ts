import type { NextApiRequest, NextApiResponse } from 'next';
import { getDb } from '../../lib/mongo';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  const { token } = req.body;
  const db = await getDb();
  const result = await db.collection('subscribers').updateMany({ token }, { $set: { unsubscribed: true } }); // expect: nosql-injection
  res.status(200).json({ ok: result.modifiedCount > 0 });
}
