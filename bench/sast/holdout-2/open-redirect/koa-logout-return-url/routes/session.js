const Router = require('@koa/router');

const APP_ORIGIN = 'https://app.example.com';
const ALLOWED_HOSTS = new Set(['app.example.com', 'www.example.com']);

function isAllowed(target) {
  try {
    return ALLOWED_HOSTS.has(new URL(target, APP_ORIGIN).host);
  } catch {
    return false;
  }
}

const router = new Router();

router.get('/logout', async (ctx) => {
  ctx.session = null;
  const target = String(ctx.query.return_url || '/');
  const returnUrl = target;
  ctx.redirect(returnUrl); // expect: open-redirect
});

module.exports = { router, isAllowed };
