import Router from '@koa/router';
import { loadUser } from '../middleware/auth';

export const me = new Router();

me.get('/me', loadUser, async (ctx) => {
  ctx.body = ctx.state.user; // expect: data-leak
});
