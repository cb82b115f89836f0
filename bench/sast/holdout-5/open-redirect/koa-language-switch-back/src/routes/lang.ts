import Router from '@koa/router';
import { returnPath } from '../lib/return-path';

export const lang = new Router();

lang.get('/lang/:code', async (ctx) => {
  ctx.cookies.set('lang', ctx.params.code === 'fr' ? 'fr' : 'en', { httpOnly: true, sameSite: 'lax' });
  const back = returnPath(String(ctx.query.back ?? '/'));
  ctx.redirect(back); // expect: open-redirect
});
