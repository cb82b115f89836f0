const Router = require('@koa/router');
const { findPrice } = require('../services/catalog');

const router = new Router();

router.get('/prices/:sku', async (ctx) => {
  const price = findPrice(ctx.params.sku);
  if (price === null) {
    ctx.status = 404;
    ctx.body = { error: 'unknown product' };
    return;
  }
  ctx.body = { sku: ctx.params.sku, price };
});

module.exports = router;
