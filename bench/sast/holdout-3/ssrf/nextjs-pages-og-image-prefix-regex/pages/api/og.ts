import type { NextApiRequest, NextApiResponse } from 'next';

const ALLOWED = /^https:\/\/images\.example\.com/;

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const src = Array.isArray(req.query.src) ? req.query.src[0] : req.query.src;
  if (!src || !ALLOWED.test(src)) return res.status(400).json({ error: 'bad src' });
  const upstream = await fetch(src); // expect: ssrf
  const buf = Buffer.from(await upstream.arrayBuffer());
  res.setHeader('Content-Type', 'image/png');
  res.send(buf);
}
