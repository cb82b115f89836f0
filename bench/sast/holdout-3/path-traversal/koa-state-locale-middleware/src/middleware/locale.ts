import type { Context, Next } from 'koa';

export async function locale(ctx: Context, next: Next) {
  const requested = typeof ctx.query.lang === 'string' ? ctx.query.lang : ctx.acceptsLanguages('en', 'de', 'fr') || 'en';
  ctx.state.locale = requested;
  await next();
}
