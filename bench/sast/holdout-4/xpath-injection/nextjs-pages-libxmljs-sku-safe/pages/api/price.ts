import type { NextApiRequest, NextApiResponse } from 'next';
import { loadCatalog } from '../../lib/catalog';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const sku = String(req.query.sku ?? '');
  if (!/^[A-Z0-9-]{3,24}$/.test(sku)) return res.status(400).json({ error: 'bad sku' });
  const doc = loadCatalog();
  const node = doc.get(`//product[@sku="${sku}"]/price`);
  res.status(200).json({ price: node ? Number(node.text()) : null });
}
