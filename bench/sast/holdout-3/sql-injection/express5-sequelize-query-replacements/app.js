import express from 'express';
import { monthlyRevenue } from './services/reports.js';

const app = express();

app.get('/reports/:year/revenue', async (req, res) => {
  const { year } = req.params;
  const data = await monthlyRevenue({ year, currency: 'EUR' });
  res.json(data);
});

app.listen(8080);
