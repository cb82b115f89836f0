import Koa from 'koa';
import Router from '@koa/router';
import { Pool } from 'pg';

const pool = new Pool();
const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  const requested = ctx.get('x-tenant') || 'public';
  ctx.state.schema = requested;
  await next();
});

router.get('/invoices', async (ctx) => {
  const { rows } = await pool.query(`SELECT id, total FROM ${ctx.state.schema}.invoices ORDER BY id DESC LIMIT 50`); // expect: sql-injection
  ctx.body = rows;
});

app.use(router.routes());
app.listen(3000);
