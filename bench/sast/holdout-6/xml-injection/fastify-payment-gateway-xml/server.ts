import Fastify from 'fastify';
import { chargeCard } from './gateway';

const app = Fastify();

app.post<{ Body: { orderId: number; reference: string } }>('/checkout/charge', async (request) => {
  const amount = '49.90';
  return chargeCard(String(request.body.reference), amount);
});

app.listen({ port: 3000 });
