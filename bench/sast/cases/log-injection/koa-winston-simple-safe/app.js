const Koa = require('koa');
const logger = require('./logger');

const app = new Koa();

app.use(async (ctx, next) => {
  if (ctx.query.ref) logger.info(`campaign visit ref=${JSON.stringify(String(ctx.query.ref))} path=${JSON.stringify(ctx.path)}`);
  await next();
});

app.use((ctx) => {
  ctx.body = { ok: true };
});

app.listen(3000);
