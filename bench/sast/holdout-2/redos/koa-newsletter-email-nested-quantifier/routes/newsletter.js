const Router = require('@koa/router');
const { isEmail } = require('../lib/validate');
const { subscribe } = require('../services/subscribers');

const router = new Router();

router.post('/newsletter', async (ctx) => {
  const email = String(ctx.request.body.email ?? '');
  if (!isEmail(email)) {
    ctx.throw(400, 'invalid email address');
  }
  await subscribe(email);
  ctx.status = 204;
});

module.exports = router;
