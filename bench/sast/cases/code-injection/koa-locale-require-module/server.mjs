import Koa from 'koa';
import Router from '@koa/router';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const LOCALE_DIR = path.resolve('locales');
const app = new Koa();
const router = new Router();

router.get('/i18n/:lang', (ctx) => {
  const file = path.join(LOCALE_DIR, ctx.params.lang, 'messages.js');
  const messages = require(file); // expect: code-injection
  ctx.body = { lang: ctx.params.lang, count: Object.keys(messages).length, messages };
});

app.use(router.routes());
app.listen(3000);
