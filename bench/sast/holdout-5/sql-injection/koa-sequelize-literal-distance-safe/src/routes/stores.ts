import Router from '@koa/router';
import { nearestStores } from '../services/store-service';

export const storesRouter = new Router({ prefix: '/stores' });

storesRouter.get('/nearest', async (ctx) => {
  const { lat, lng } = ctx.query as Record<string, string>;
  ctx.body = await nearestStores(lat, lng);
});
