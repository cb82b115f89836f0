import express from 'express';
import path from 'node:path';
import { readdir } from 'node:fs/promises';

const SHARE_ROOT = path.resolve(process.env.SHARE_ROOT ?? './share');
const app = express();

app.get('/browse', async (req, res) => {
  const dir = typeof req.query.dir === 'string' ? req.query.dir : '.';
  const target = path.resolve(SHARE_ROOT, dir);
  const rel = path.relative(SHARE_ROOT, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    return res.status(403).json({ error: 'outside the share' });
  }
  const entries = await readdir(target, { withFileTypes: true });
  res.json(entries.map((e) => ({ name: e.name, folder: e.isDirectory() })));
});

app.listen(3000);
