import type { NextApiRequest, NextApiResponse } from 'next';
import { recordClick } from '../../../lib/analytics';

const CAMPAIGN_LINKS = new Map<string, string>([
  ['spring-sale', '/sale/spring'],
  ['newsletter', '/blog'],
]);

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = String(req.query.id);
  await recordClick(id);
  const target = CAMPAIGN_LINKS.get(id) ?? '/';
  res.setHeader('Location', target);
  res.status(302).end();
}
