const Koa = require('koa');
const fs = require('fs');
const path = require('path');

const EXPORTS = '/srv/exports';
const app = new Koa();

app.use(async (ctx, next) => {
  ctx.state.file = ctx.query.file || 'latest.csv';
  await next();
});

app.use(async (ctx) => {
  const full = path.join(EXPORTS, ctx.state.file);
  ctx.type = 'text/csv';
  ctx.body = fs.createReadStream(full); // expect: path-traversal
});

app.listen(3000);
