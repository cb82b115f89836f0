const Koa = require('koa');
const Router = require('@koa/router');

const THEMES = new Set(['light', 'dark', 'high-contrast']);

const app = new Koa();
const router = new Router();

router.get('/preferences/theme', async (ctx) => {
  const requested = String(ctx.query.theme || 'light');
  const theme = THEMES.has(requested) ? requested : 'light';
  ctx.set('Set-Cookie', `theme=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`);
  ctx.body = { theme };
});

app.use(router.routes());
app.listen(3000);
