import type { NextApiRequest, NextApiResponse } from 'next';
import { loadCatalog } from '../../lib/catalog';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const sku = String(req.query.sku ?? '');
  const doc = loadCatalog();
  const node = doc.get(`//product[@sku="${sku}"]/price`); // expect: xpath-injection
  res.status(200).json({ price: node ? Number(node.text()) : null });
}
