import Router from '@koa/router';
import { extractText } from './extractor.js';

export const router = new Router();

router.get('/documents/:id/text', async (ctx) => {
  const { first = '1', last = '1' } = ctx.query;
  ctx.type = 'text/plain';
  ctx.body = extractText(`/var/docs/${Number(ctx.params.id)}.pdf`, first, last);
});
