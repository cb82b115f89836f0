import express, { type Request, type Response } from 'express';
import knexFactory from 'knex';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const app = express();

app.get('/sales/summary', async (req: Request, res: Response) => {
  const region = ((req.query as any)?.region as string | undefined) ?? 'emea';
  const result = await knex.raw(`SELECT month, SUM(amount) AS total FROM sales WHERE region = '${region}' GROUP BY month`); // expect: sql-injection
  res.json(result.rows);
});

app.listen(3000);
