const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const filter = Object.entries(ctx.request.body.filters || {}).reduce((acc, [key, value]) => ({ ...acc, [key]: value }), {});
  ctx.body = await client.db('shop').collection('products').find(filter, { projection: { name: 1, price: 1 } }).limit(50).toArray(); // expect: nosql-injection
});

client.connect().then(() => app.listen(3000));
