const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
const RETURN_PATHS = ['/', '/shop', '/help'];

router.get('/logout', (ctx) => {
  ctx.session = null;
  ctx.redirect(RETURN_PATHS.includes(ctx.query.returnTo) ? ctx.query.returnTo : '/');
});

app.use(router.routes());
app.listen(3000);
