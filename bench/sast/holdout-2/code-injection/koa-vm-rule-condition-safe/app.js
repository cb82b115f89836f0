const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const { compileExpression } = require('filtrex');

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  if (ctx.method !== 'POST' || ctx.path !== '/rules/test') {
    ctx.status = 404;
    return;
  }
  const { condition, order } = ctx.request.body;
  const matched = compileExpression(String(condition))({ ...order });
  ctx.body = { matched: Boolean(matched) };
});

app.listen(3000);
