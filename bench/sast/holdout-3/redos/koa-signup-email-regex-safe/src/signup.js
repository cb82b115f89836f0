import Router from '@koa/router';
import { isValidEmail } from './validation.js';

export const signup = new Router();

signup.post('/signup', async (ctx) => {
  const { email, name } = ctx.request.body;
  if (typeof email !== 'string' || !isValidEmail(email)) {
    ctx.status = 422;
    ctx.body = { error: 'invalid email' };
    return;
  }
  ctx.body = { welcome: String(name ?? '') };
});
