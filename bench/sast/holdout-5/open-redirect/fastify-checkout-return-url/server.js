import Fastify from 'fastify';
import { merchants, orders } from './store.js';

const app = Fastify();

app.get('/checkout/done', async (request, reply) => {
  const { order: orderId, return_url: returnUrl } = request.query;
  const order = await orders.findPaid(orderId);
  if (!order) return reply.code(404).send({ error: 'unknown order' });
  const merchant = await merchants.byId(order.merchantId);
  const destination = returnUrl || merchant.defaultReturnUrl;
  return reply.redirect(destination); // expect: open-redirect
});

app.listen({ port: 3000 });
