const Koa = require('koa');
const bodyParser = require('koa-bodyparser');

const app = new Koa();
app.use(bodyParser());
const settings = { mail: { sender: 'noreply@example.com' }, ui: { theme: 'light' } };
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

app.use(async (ctx) => {
  const { section, key, value } = ctx.request.body;
  if (!Object.hasOwn(settings, section) || UNSAFE_KEYS.includes(key)) ctx.throw(400, 'unknown setting');
  settings[section][key] = String(value);
  ctx.body = { updated: true };
});

app.listen(3000);
