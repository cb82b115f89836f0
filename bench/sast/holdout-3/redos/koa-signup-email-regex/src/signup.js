import Router from '@koa/router';
import { EMAIL } from './validation.js';

export const signup = new Router();

signup.post('/signup', async (ctx) => {
  const { email, name } = ctx.request.body;
  if (typeof email !== 'string' || !EMAIL.test(email)) { // expect: redos
    ctx.status = 422;
    ctx.body = { error: 'invalid email' };
    return;
  }
  ctx.body = { welcome: String(name ?? '') };
});
