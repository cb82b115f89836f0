const Koa = require('koa');
const { listProducts } = require('./catalog');

const app = new Koa();
const SORT_FIELDS = new Set(['price', 'rating', 'stock']);

app.use(async (ctx) => {
  const by = SORT_FIELDS.has(ctx.query.by) ? ctx.query.by : 'price';
  const compare = new Function('a', 'b', `return a.${by} - b.${by};`);
  ctx.body = (await listProducts()).sort(compare);
});

app.listen(3000);
