const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { applyTransform } = require('./transform');

const app = new Koa();
const router = new Router();

router.post('/hooks/:id/test', async (ctx) => {
  const { script, sample } = ctx.request.body;
  ctx.body = { output: applyTransform(script, sample) };
});

app.use(bodyParser()).use(router.routes());
app.listen(3000);
