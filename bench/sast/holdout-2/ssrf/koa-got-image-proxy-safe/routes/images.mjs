import Router from '@koa/router';
import { fetchImage } from '../lib/image-fetcher.mjs';

export const router = new Router();

router.get('/img', async (ctx) => {
  const src = String(ctx.query.src ?? '');
  const { body, contentType } = await fetchImage(src);
  ctx.type = contentType === 'image/png' ? 'image/png' : 'image/jpeg';
  ctx.body = body;
});
