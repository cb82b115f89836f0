import type { NextApiRequest, NextApiResponse } from 'next';

const IMAGE_HOST = 'images.example.com';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const src = Array.isArray(req.query.src) ? req.query.src[0] : req.query.src;
  if (!src) return res.status(400).json({ error: 'bad src' });
  const url = new URL(src);
  if (url.protocol !== 'https:' || url.host !== IMAGE_HOST) return res.status(400).json({ error: 'bad src' });
  const upstream = await fetch(url, { redirect: 'error' });
  const buf = Buffer.from(await upstream.arrayBuffer());
  res.setHeader('Content-Type', 'image/png');
  res.send(buf);
}
