import express from 'express';
import { compileFilter } from './filters.mjs';
import { loadRows } from './rows.mjs';

const app = express();

app.get('/rows', async (req, res) => {
  const matches = compileFilter(req.query.field, req.query.value);
  res.json((await loadRows()).filter(matches));
});

app.listen(3000);
