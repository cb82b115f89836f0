const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { ConfigStore } = require('./config-store');

const store = new ConfigStore({ features: { beta: false }, limits: { uploads: 10 } });
const app = new Koa();
const router = new Router();

router.put('/tenant/config', async (ctx) => {
  ctx.body = store.apply(ctx.request.body);
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
