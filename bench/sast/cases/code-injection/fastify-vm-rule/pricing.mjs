import Fastify from 'fastify';
import vm from 'node:vm';

const app = Fastify();

app.post('/pricing/preview', async (request) => {
  const { rule, price } = request.body;
  const result = vm.runInNewContext(rule, { price: Number(price) }, { timeout: 50 }); // expect: code-injection
  return { price: result };
});

await app.listen({ port: 3000 });
