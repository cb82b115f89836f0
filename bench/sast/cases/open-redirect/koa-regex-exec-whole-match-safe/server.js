const Koa = require('koa');

const DOCS_PATH = /^\/docs\/(v\d+)(\/.*)$/;
const app = new Koa();

app.use(async (ctx, next) => {
  const m = DOCS_PATH.exec(ctx.path);
  if (m && !ctx.path.endsWith('/')) {
    ctx.status = 301;
    return ctx.redirect(m[0] + '/');
  }
  await next();
});

app.listen(3000);
