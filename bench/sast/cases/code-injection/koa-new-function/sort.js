const Koa = require('koa');
const { listProducts } = require('./catalog');

const app = new Koa();

app.use(async (ctx) => {
  const by = ctx.query.by || 'price';
  const compare = new Function('a', 'b', `return a.${by} - b.${by};`); // expect: code-injection
  ctx.body = (await listProducts()).sort(compare);
});

app.listen(3000);
