import Router from '@koa/router';

const AVATAR_ORIGIN = 'https://avatars.idp.example.com';

export const router = new Router();

function readState(raw) {
  return JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8'));
}

router.get('/oauth/callback', async (ctx) => {
  const state = readState(ctx.query.state);
  let avatar = null;
  if (state.avatar) {
    const response = await fetch(state.avatar); // expect: ssrf
    avatar = Buffer.from(await response.arrayBuffer()).toString('base64');
  }
  ctx.body = { returnTo: '/profile', avatar };
});
