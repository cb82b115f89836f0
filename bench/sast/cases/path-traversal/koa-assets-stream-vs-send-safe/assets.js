const Koa = require('koa');
const Router = require('@koa/router');
const path = require('path');
const send = require('koa-send');

const ASSETS = path.join(__dirname, 'public', 'assets');
const app = new Koa();
const router = new Router();

router.get('/assets/:file', async (ctx) => {
  const file = ctx.params.file;
  await send(ctx, file, { root: ASSETS });
});

app.use(router.routes());
app.listen(3000);
