import type { Context, Next } from 'koa';

const SHIPPED = ['en', 'de', 'fr', 'es'];

export async function locale(ctx: Context, next: Next) {
  const requested = typeof ctx.query.lang === 'string' ? ctx.query.lang : ctx.acceptsLanguages('en', 'de', 'fr') || 'en';
  ctx.state.locale = SHIPPED.includes(requested) ? requested : 'en';
  await next();
}
