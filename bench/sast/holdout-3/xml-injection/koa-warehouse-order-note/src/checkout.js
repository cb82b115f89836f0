import Router from '@koa/router';
import { sendOrder } from './warehouse.js';

export const checkout = new Router();

checkout.post('/checkout', async (ctx) => {
  const { items, giftNote = '' } = ctx.request.body;
  const order = { id: ctx.state.cartId, items: Array.isArray(items) ? items : [], giftNote };
  await sendOrder(order);
  ctx.status = 202;
  ctx.body = { queued: true };
});
