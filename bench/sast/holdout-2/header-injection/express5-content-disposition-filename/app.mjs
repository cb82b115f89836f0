import express from 'express';
import { exportOrdersCsv } from './exports.mjs';

const app = express();
const disposition = (name) => `attachment; filename="${name}"`;

app.get('/exports/orders.csv', async (req, res) => {
  const name = String(req.query.filename ?? 'orders.csv');
  const csv = await exportOrdersCsv();
  res.setHeader('Content-Disposition', disposition(name)); // expect: header-injection
  res.type('text/csv').send(csv);
});

app.listen(3000);
