import type { Context } from 'koa';
import { isTrustedDestination } from './redirects';

export async function logout(ctx: Context) {
  ctx.session = null;
  const next = typeof ctx.query.next === 'string' ? ctx.query.next : '';
  if (next && isTrustedDestination(next)) {
    ctx.redirect(next);
    return;
  }
  ctx.redirect('/');
}
