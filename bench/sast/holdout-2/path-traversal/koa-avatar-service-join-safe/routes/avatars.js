const Router = require('@koa/router');
const avatars = require('../services/avatars');

const router = new Router();

router.get('/avatars/:file', async (ctx) => {
  const image = await avatars.read(ctx.params.file);
  if (!image) {
    ctx.status = 404;
    return;
  }
  ctx.type = 'image/png';
  ctx.body = image;
});

module.exports = router;
