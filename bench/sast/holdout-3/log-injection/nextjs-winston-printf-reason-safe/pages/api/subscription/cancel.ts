import type { NextApiRequest, NextApiResponse } from 'next';
import { inspect } from 'node:util';
import { logger } from '../../../lib/logger';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { subscriptionId, reason } = req.body as { subscriptionId: string; reason: string };
  const note = inspect(String(reason));
  logger.info(`subscription ${Number(subscriptionId)} cancelled, reason: ${note}`);
  res.status(202).json({ cancelled: true });
}
