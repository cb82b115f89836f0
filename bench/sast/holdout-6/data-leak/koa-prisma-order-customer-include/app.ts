import Koa from 'koa';
import Router from '@koa/router';
import { orderWithCustomer } from './orders';

const app = new Koa();
const router = new Router();

router.get('/orders/:id', async (ctx) => {
  const order = await orderWithCustomer(Number(ctx.params.id));
  if (!order) ctx.throw(404);
  ctx.body = order; // expect: data-leak
});

app.use(router.routes());
app.listen(3000);
