import type { NextApiRequest, NextApiResponse } from 'next';
import { z } from 'zod';
import clientPromise from '../../lib/mongodb';

const VerifyBody = z.object({ email: z.string().email(), code: z.string().regex(/^\d{6}$/) });

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  const parsed = VerifyBody.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ ok: false });
  const { email, code } = parsed.data;
  const db = (await clientPromise).db();
  const pending = await db.collection('verifications').findOne({ email, code });
  if (!pending) return res.status(400).json({ ok: false });
  await db.collection('users').updateOne({ email: pending.email }, { $set: { verified: true } });
  res.json({ ok: true });
}
