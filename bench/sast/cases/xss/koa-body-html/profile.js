const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

router.get('/u/:user', (ctx) => {
  const user = ctx.params.user;
  ctx.body = `<section class="profile"><h2>${user}</h2><p>This profile is private.</p></section>`; // expect: xss
});

app.use(router.routes());
app.listen(3000);
