const Koa = require('koa');
const Router = require('@koa/router');
const { buildCsv } = require('./csv');

const app = new Koa();
const router = new Router();

router.get('/reports/:id/export', async (ctx) => {
  const name = ctx.query.name || `report-${ctx.params.id}`;
  const csv = await buildCsv(ctx.params.id);
  ctx.attachment(`${name}.csv`);
  ctx.type = 'text/csv';
  ctx.body = csv;
});

app.use(router.routes());
app.listen(3000);
