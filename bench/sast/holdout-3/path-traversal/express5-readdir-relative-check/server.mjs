import express from 'express';
import path from 'node:path';
import { readdir } from 'node:fs/promises';

const SHARE_ROOT = path.resolve(process.env.SHARE_ROOT ?? './share');
const app = express();

app.get('/browse', async (req, res) => {
  const dir = typeof req.query.dir === 'string' ? req.query.dir : '.';
  const target = path.join(SHARE_ROOT, dir);
  const entries = await readdir(target, { withFileTypes: true }); // expect: path-traversal
  res.json(entries.map((e) => ({ name: e.name, folder: e.isDirectory() })));
});

app.listen(3000);
