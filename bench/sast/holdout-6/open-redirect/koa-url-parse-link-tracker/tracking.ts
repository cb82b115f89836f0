import type { Context } from 'koa';

export async function trackedRedirect(ctx: Context, to: string) {
  const ok = to.startsWith('/') || to.includes('example.com');
  ctx.state.clicks = (ctx.state.clicks ?? 0) + 1;
  ctx.redirect(ok ? to : '/'); // expect: open-redirect
}
