import Router from '@koa/router';

const ORIGIN = 'https://app.example.com';

export const oauth = new Router();

interface Flow {
  returnTo?: string;
}

oauth.get('/oauth/done', async (ctx) => {
  const flow: Flow = JSON.parse(ctx.cookies.get('oauth_flow') ?? '{}');
  ctx.cookies.set('oauth_flow', null);
  const destination = flow.returnTo ?? '/';
  ctx.redirect(destination); // expect: open-redirect
});
