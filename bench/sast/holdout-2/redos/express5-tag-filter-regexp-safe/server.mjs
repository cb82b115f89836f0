import express from 'express';
import escapeRegExp from 'lodash/escapeRegExp.js';
import { TAGS } from './tags.mjs';

const app = express();

app.get('/api/tags', (req, res) => {
  const q = String(req.query.q ?? '');
  const source = escapeRegExp(q);
  const pattern = new RegExp(source, 'i');
  res.json(TAGS.filter((tag) => pattern.test(tag)).slice(0, 20));
});

app.listen(3000);
