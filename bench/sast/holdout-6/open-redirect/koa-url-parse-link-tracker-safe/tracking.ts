import type { Context } from 'koa';

export async function trackedRedirect(ctx: Context, to: string) {
  const HOSTS = new Set(['example.com', 'www.example.com', 'shop.example.com']);
  let ok = false;
  try {
    const u = new URL(to);
    ok = u.protocol === 'https:' && HOSTS.has(u.hostname);
  } catch {
    ok = false;
  }
  ctx.state.clicks = (ctx.state.clicks ?? 0) + 1;
  ctx.redirect(ok ? to : '/');
}
