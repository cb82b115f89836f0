import type { NextApiRequest, NextApiResponse } from 'next';
import { verifySignature } from '../../lib/signature';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const source = String(req.body?.source ?? 'unknown');
  if (!verifySignature(req.headers['x-signature'], JSON.stringify(req.body))) {
    console.error(`[webhook] bad signature from ${source}`); // expect: log-injection
    return res.status(401).json({ ok: false });
  }
  res.status(200).json({ ok: true });
}
