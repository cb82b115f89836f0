import Router from '@koa/router';

const LANGS = new Set(['en', 'de', 'fr', 'es']);

export const locale = new Router();

locale.get('/locale', (ctx) => {
  const requested = String(ctx.query.lang ?? 'en');
  const lang = LANGS.has(requested) ? requested : 'en';
  ctx.set('Set-Cookie', `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`);
  ctx.body = { lang };
});
