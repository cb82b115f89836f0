import Koa from 'koa';
import path from 'node:path';
import fs from 'node:fs';

const REPORTS = '/srv/reports';
const app = new Koa();

app.use(async (ctx, next) => {
  if (ctx.path !== '/reports/download') return next();
  const params = new URLSearchParams(ctx.querystring);
  const file = params.get('file') ?? '';
  ctx.type = 'text/csv';
  ctx.attachment('report.csv');
  ctx.body = fs.createReadStream(path.join(REPORTS, file)); // expect: path-traversal
});

app.listen(3000);
