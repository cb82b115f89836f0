import Fastify from 'fastify';

const app = Fastify();

function rateFor(carrier, formula, weight) {
  switch (carrier) {
    case 'post':
      return 4.5 + weight * 0.8;
    case 'courier':
      return 9 + weight * 1.2;
    default:
      return eval(formula); // expect: code-injection
  }
}

app.get('/shipping/rate', async (request) => {
  const weight = Number(request.query.weight) || 1;
  return { rate: rateFor(request.query.carrier, request.query.formula, weight) };
});

await app.listen({ port: 3000 });
