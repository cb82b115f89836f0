const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const vm = require('node:vm');

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/rules/test') {
    ctx.status = 404;
    return;
  }
  const { condition, order } = ctx.request.body;
  const matched = vm.runInNewContext(String(condition), { ...order }, { timeout: 50 }); // expect: code-injection
  ctx.body = { matched: Boolean(matched) };
});

app.listen(3000);
