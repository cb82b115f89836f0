const Koa = require('koa');
const bodyParser = require('koa-bodyparser');

const app = new Koa();
app.use(bodyParser());
const settings = { mail: { sender: 'noreply@example.com' }, ui: { theme: 'light' } };

app.use(async (ctx) => {
  const { section, key, value } = ctx.request.body;
  settings[section][key] = String(value); // expect: prototype-pollution
  ctx.body = { updated: true };
});

app.listen(3000);
