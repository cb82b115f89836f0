import Fastify from 'fastify';
import vm from 'node:vm';

const app = Fastify();
const DISCOUNT_RULE = 'price * (1 - discount)';

app.post('/pricing/preview', async (request) => {
  const { discount, price } = request.body;
  const result = vm.runInNewContext(DISCOUNT_RULE, { price: Number(price), discount: Number(discount) }, { timeout: 50 });
  return { price: result };
});

await app.listen({ port: 3000 });
