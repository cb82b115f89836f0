import Koa from 'koa';
import path from 'node:path';
import fs from 'node:fs';

const REPORTS = '/srv/reports';
const app = new Koa();

app.use(async (ctx, next) => {
  if (ctx.path !== '/reports/download') return next();
  const params = new URLSearchParams(ctx.querystring);
  const file = params.get('file') ?? '';
  if (!/^[\w-]{1,64}\.csv$/.test(file)) ctx.throw(400, 'bad report name');
  ctx.type = 'text/csv';
  ctx.attachment('report.csv');
  ctx.body = fs.createReadStream(path.join(REPORTS, file));
});

app.listen(3000);
