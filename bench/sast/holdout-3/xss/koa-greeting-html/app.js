const Koa = require('koa');

const app = new Koa();

app.use(async (ctx, next) => {
  if (ctx.path !== '/welcome') return next();
  const name = ctx.query.name || 'guest';
  ctx.type = 'html';
  ctx.body = `<main><h2>Welcome back, ${name}!</h2><p>Your dashboard is loading.</p></main>`; // expect: xss
});

app.listen(3000);
