import type { NextApiRequest, NextApiResponse } from 'next';
import pino from 'pino';
import { verifySignature } from '../../lib/signature';

const log = pino({ name: 'webhooks' });

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const source = String(req.body?.source ?? 'unknown');
  if (!verifySignature(req.headers['x-signature'], JSON.stringify(req.body))) {
    log.error({ source }, '[webhook] bad signature');
    return res.status(401).json({ ok: false });
  }
  res.status(200).json({ ok: true });
}
