const Koa = require('koa');
const Router = require('@koa/router');
const { searchProducts } = require('./services/search');

const app = new Koa();
const router = new Router();

router.get('/search', async (ctx) => {
  const term = (ctx.query.q || '').trim();
  ctx.body = { results: await searchProducts(term) };
});

app.use(router.routes());
app.listen(3000);
