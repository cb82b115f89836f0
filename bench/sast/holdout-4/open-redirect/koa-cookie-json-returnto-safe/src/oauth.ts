import Router from '@koa/router';

const ORIGIN = 'https://app.example.com';

export const oauth = new Router();

interface Flow {
  returnTo?: string;
}

oauth.get('/oauth/done', async (ctx) => {
  const flow: Flow = JSON.parse(ctx.cookies.get('oauth_flow') ?? '{}');
  ctx.cookies.set('oauth_flow', null);
  const parsed = new URL(flow.returnTo ?? '/', ORIGIN);
  const destination = parsed.origin === ORIGIN ? parsed.pathname + parsed.search : '/';
  ctx.redirect(destination);
});
