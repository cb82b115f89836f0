import Router from '@koa/router';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const LOCALES = path.resolve('locales');
export const messages = new Router();

messages.get('/i18n/messages', async (ctx) => {
  const file = path.join(LOCALES, `${ctx.state.locale}.json`);
  ctx.type = 'application/json';
  ctx.body = await readFile(file, 'utf8');
});
