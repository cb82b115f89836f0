import Koa from 'koa';

const app = new Koa();

function calcToPx(expr) {
  const inner = expr.replace(/^calc\((.*)\)$/, '$1').replace(/px/g, '');
  return Math.round(eval(inner)); // expect: code-injection
}

app.use(async (ctx) => {
  const width = calcToPx(String(ctx.query.width || '960px'));
  ctx.body = { width: `${width}px` };
});

app.listen(3000);
