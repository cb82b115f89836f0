const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const app = new Koa();
app.use(bodyParser());
const FILTERABLE = new Set(['brand', 'color', 'size']);

app.use(async (ctx) => {
  const filter = Object.entries(ctx.request.body.filters || {})
    .filter(([key]) => FILTERABLE.has(key))
    .reduce((acc, [key, value]) => ({ ...acc, [key]: String(value) }), {});
  ctx.body = await client.db('shop').collection('products').find(filter, { projection: { name: 1, price: 1 } }).limit(50).toArray();
});

client.connect().then(() => app.listen(3000));
