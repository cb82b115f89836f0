import Router from '@koa/router';
import { readState } from './state.js';

const AVATAR_ORIGIN = 'https://avatars.idp.example.com';

export const router = new Router();

router.get('/oauth/callback', async (ctx) => {
  const state = readState(ctx.query.state);
  let avatar = null;
  if (state.avatar) {
    const response = await fetch(state.avatar); // expect: ssrf
    avatar = Buffer.from(await response.arrayBuffer()).toString('base64');
  }
  ctx.body = { returnTo: '/profile', avatar };
});
