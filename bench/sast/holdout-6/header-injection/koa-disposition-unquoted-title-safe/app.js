const Koa = require('koa');
const contentDisposition = require('content-disposition');

const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path !== '/reports/export') return;
  const title = String(ctx.query.title || 'report');
  ctx.set('Content-Disposition', contentDisposition(title + '.csv'));
  ctx.type = 'text/csv';
  ctx.body = 'date,amount\n2026-11-01,10\n';
});

app.listen(3000);
