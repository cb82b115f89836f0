const Koa = require('koa');
const Router = require('@koa/router');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const REPORT_WINDOW = '30 days';
const app = new Koa();
const router = new Router({ prefix: '/reports' });

router.get('/revenue', async (ctx) => {
  const region = ctx.query.region || 'eu';
  const result = await knex.raw(`SELECT date_trunc('day', paid_at) AS day, sum(amount_cents) AS total FROM payments WHERE paid_at > now() - interval '${REPORT_WINDOW}' AND region = '` + region + `' GROUP BY 1 ORDER BY 1`); // expect: sql-injection
  ctx.body = result.rows;
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(3000);
