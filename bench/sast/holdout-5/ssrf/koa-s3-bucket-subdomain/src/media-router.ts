import Router from '@koa/router';
import { fetchObject } from './storage-client';

const RASTER_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export const media = new Router();

media.get('/media/:bucket/:key', async (ctx) => {
  const { bucket, key } = ctx.params;
  const object = await fetchObject(bucket, key);
  // Only raster images are passed through; anything else is a download.
  ctx.type = RASTER_TYPES.has(object.contentType) ? object.contentType : 'application/octet-stream';
  ctx.body = object.body;
});
