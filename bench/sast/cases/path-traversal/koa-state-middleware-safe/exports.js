const Koa = require('koa');
const fs = require('fs');
const path = require('path');

const EXPORTS = '/srv/exports';
const app = new Koa();

app.use(async (ctx, next) => {
  ctx.state.file = path.basename(String(ctx.query.file || 'latest.csv'));
  await next();
});

app.use(async (ctx) => {
  const full = path.join(EXPORTS, ctx.state.file);
  if (!full.startsWith(EXPORTS + path.sep)) ctx.throw(404);
  ctx.type = 'text/csv';
  ctx.body = fs.createReadStream(full);
});

app.listen(3000);
