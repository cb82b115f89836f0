import Fastify from 'fastify';

const app = Fastify();
const FLAT_RATE = (weight) => 6 + weight;

function rateFor(carrier, formula, weight) {
  switch (carrier) {
    case 'post':
      return 4.5 + weight * 0.8;
    case 'courier':
      return 9 + weight * 1.2;
    default:
      return FLAT_RATE(weight);
  }
}

app.get('/shipping/rate', async (request) => {
  const weight = Number(request.query.weight) || 1;
  return { rate: rateFor(request.query.carrier, request.query.formula, weight) };
});

await app.listen({ port: 3000 });
