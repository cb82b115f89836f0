const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const { setPath } = require('./setPath');

const app = new Koa();
const profiles = new Map();

app.use(bodyParser());
app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/profile/edit') return;
  const profile = profiles.get(ctx.state.userId) || {};
  setPath(profile, String(ctx.request.body.path), ctx.request.body.value);
  profiles.set(ctx.state.userId, profile);
  ctx.body = { ok: true };
});

app.listen(3000);
