import express from 'express';
import { TAGS } from './tags.mjs';

const app = express();

app.get('/api/tags', (req, res) => {
  const q = String(req.query.q ?? '');
  const source = q;
  const pattern = new RegExp(source, 'i'); // expect: redos
  res.json(TAGS.filter((tag) => pattern.test(tag)).slice(0, 20));
});

app.listen(3000);
