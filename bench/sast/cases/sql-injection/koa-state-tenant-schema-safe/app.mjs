import Koa from 'koa';
import Router from '@koa/router';
import { Pool } from 'pg';

const pool = new Pool();
const app = new Koa();
const router = new Router();
const TENANTS = new Set(['public', 'acme', 'globex']);

app.use(async (ctx, next) => {
  const requested = ctx.get('x-tenant') || 'public';
  ctx.state.schema = TENANTS.has(requested) ? requested : 'public';
  await next();
});

router.get('/invoices', async (ctx) => {
  const { rows } = await pool.query(`SELECT id, total FROM ${ctx.state.schema}.invoices ORDER BY id DESC LIMIT 50`);
  ctx.body = rows;
});

app.use(router.routes());
app.listen(3000);
