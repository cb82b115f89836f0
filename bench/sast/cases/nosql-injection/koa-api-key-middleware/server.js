const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const { requireApiKey } = require('./auth.middleware');

const app = new Koa();
const router = new Router();

router.post('/v1/events', requireApiKey, async (ctx) => {
  const { events = [] } = ctx.request.body;
  ctx.status = 202;
  ctx.body = { accepted: events.length, client: ctx.state.apiClient.name };
});

app.use(bodyParser());
app.use(router.routes());
app.listen(3000);
