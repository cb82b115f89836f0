const Router = require('@koa/router');
const { searchProducts } = require('../services/catalog');

const router = new Router({ prefix: '/api' });

router.get('/products', async (ctx) => {
  let filter = {};
  if (ctx.query.filter) {
    try {
      filter = JSON.parse(ctx.query.filter);
    } catch {
      ctx.throw(400, 'filter must be JSON');
    }
  }
  ctx.body = await searchProducts(filter);
});

module.exports = router;
