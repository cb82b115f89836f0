import express, { type Request, type Response } from 'express';
import knexFactory from 'knex';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const app = express();
const REGIONS = ['emea', 'amer', 'apac'] as const;

app.get('/sales/summary', async (req: Request, res: Response) => {
  const wanted = ((req.query as any)?.region as string | undefined) ?? 'emea';
  const region = REGIONS.find((r) => r === wanted);
  if (!region) return res.status(400).json({ error: 'unknown region' });
  const result = await knex.raw(`SELECT month, SUM(amount) AS total FROM sales WHERE region = '${region}' GROUP BY month`);
  res.json(result.rows);
});

app.listen(3000);
