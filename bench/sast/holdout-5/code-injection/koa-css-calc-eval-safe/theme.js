import Koa from 'koa';

const app = new Koa();

function calcToPx(expr) {
  const inner = expr.replace(/^calc\((.*)\)$/, '$1').replace(/px/g, '');
  if (!/^[\d\s.+\-*/()]+$/.test(inner)) throw new Error('only arithmetic on px values is allowed');
  return Math.round(eval(inner));
}

app.use(async (ctx) => {
  const width = calcToPx(String(ctx.query.width || '960px'));
  ctx.body = { width: `${width}px` };
});

app.listen(3000);
