const Koa = require('koa');
const Router = require('@koa/router');
const session = require('koa-session');
const { exchangeCode } = require('./provider');

const app = new Koa();
app.keys = [process.env.SESSION_KEY];
const router = new Router();
const RETURN_PAGES = new Map([['home', '/home'], ['billing', '/settings/billing'], ['team', '/settings/team']]);

function decodeState(raw) {
  try {
    return JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

router.get('/oauth/callback', async (ctx) => {
  const { code, state } = ctx.query;
  const profile = await exchangeCode(code);
  ctx.session.user = { id: profile.id, name: profile.name };
  const { returnTo = '/home' } = decodeState(state);
  ctx.redirect(RETURN_PAGES.get(String(returnTo).replace(/^\//, '')) ?? '/home');
});

app.use(session(app));
app.use(router.routes());
app.listen(3000);
