const Koa = require('koa');
const Router = require('@koa/router');
const pkg = require('./package.json');

const app = new Koa();
const router = new Router();

router.get('/healthz', (ctx) => {
  ctx.body = { ok: true };
});

router.get('/debug/info', (ctx) => {
  ctx.body = { version: pkg.version, uptime: process.uptime(), env: process.env.NODE_ENV };
});

app.use(router.routes());
app.listen(process.env.PORT || 3000);
