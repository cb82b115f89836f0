import type { NextApiRequest, NextApiResponse } from 'next';
import { searchProducts } from '@/lib/catalog';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const term = String(req.query.q ?? '');
  res.status(200).json(await searchProducts(term));
}
