import { Router } from 'express';
import { salesBy } from '../repositories/salesRepository';

export const reports = Router();

reports.get('/reports/sales', async (req, res, next) => {
  try {
    const rows = await salesBy(String(req.query.groupBy ?? 'day'));
    res.json(rows);
  } catch (err) {
    next(err);
  }
});
