import express from 'express';
import { compileFilter } from './filters.mjs';
import { loadRows } from './rows.mjs';

const app = express();
const FILTERABLE = new Set(['status', 'country', 'plan']);

app.get('/rows', async (req, res) => {
  if (!FILTERABLE.has(req.query.field)) return res.status(400).json({ error: 'unknown field' });
  const matches = compileFilter(req.query.field, req.query.value);
  res.json((await loadRows()).filter(matches));
});

app.listen(3000);
