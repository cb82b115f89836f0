const Koa = require('koa');
const { readSession } = require('./session');

const app = new Koa();

app.use(async (ctx, next) => {
  ctx.state.session = readSession(ctx.cookies.get('sess'));
  await next();
});

app.use(async (ctx) => {
  ctx.body = { user: ctx.state.session.username || null };
});

app.listen(3000);
