import express from 'express';
import { buildCsv } from './csv.mjs';

const app = express();

app.get('/export.csv', async (req, res) => {
  const filename = req.query.filename ?? 'export.csv';
  res.setHeader('Content-Disposition', 'attachment; filename="' + filename + '"'); // expect: header-injection
  res.type('text/csv').send(await buildCsv());
});

app.listen(3000);
