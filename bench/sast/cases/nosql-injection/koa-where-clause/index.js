const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const mongoose = require('mongoose');

const Product = mongoose.model('Product', new mongoose.Schema({ name: String, price: Number }));
const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const { maxPrice } = ctx.request.body;
  ctx.body = await Product.find({ $where: 'this.price < ' + maxPrice }).select('name price'); // expect: nosql-injection
});

app.listen(3000);
