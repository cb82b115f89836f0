import type { NextApiRequest, NextApiResponse } from 'next';
import { sql } from 'drizzle-orm';
import { db } from '../../lib/db';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const sort = typeof req.query.sort === 'string' ? req.query.sort : 'created_at desc';
  const order = sort;
  const rows = await db.execute(sql`SELECT id, title, created_at FROM posts ORDER BY ${sql.raw(order)} LIMIT 20`); // expect: sql-injection
  res.status(200).json(rows);
}
