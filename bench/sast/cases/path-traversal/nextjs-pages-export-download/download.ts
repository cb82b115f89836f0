import type { NextApiRequest, NextApiResponse } from 'next';
import { promises as fs } from 'fs';
import path from 'path';

const EXPORTS_DIR = path.join(process.cwd(), 'exports');

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const file = Array.isArray(req.query.file) ? req.query.file[0] : req.query.file;
  if (!file) {
    return res.status(400).json({ error: 'file is required' });
  }
  const fullPath = path.join(EXPORTS_DIR, file);
  try {
    const data = await fs.readFile(fullPath); // expect: path-traversal
    res.setHeader('Content-Type', 'text/csv');
    res.send(data);
  } catch {
    res.status(404).json({ error: 'not found' });
  }
}
