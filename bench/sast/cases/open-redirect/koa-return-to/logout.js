const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();

router.get('/logout', (ctx) => {
  ctx.session = null;
  ctx.redirect(ctx.query.returnTo || '/'); // expect: open-redirect
});

app.use(router.routes());
app.listen(3000);
