import type { NextApiRequest, NextApiResponse } from 'next';
import { spawn } from 'node:child_process';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const table = String(req.query.table ?? 'orders');
  res.setHeader('Content-Type', 'application/sql');
  res.setHeader('Content-Disposition', 'attachment; filename="export.sql"');
  const dump = spawn('pg_dump', ['--data-only', '--table', table, process.env.DATABASE_URL ?? 'shop']);
  dump.stdout.pipe(res);
  dump.on('error', () => res.status(500).end());
}
