import Fastify from 'fastify';

const API_BASE = 'https://api.partner.example/v2/';
const app = Fastify();

app.get('/partner/*', async (request, reply) => {
  const target = new URL(request.query.path ?? request.params['*'], API_BASE);
  target.searchParams.set('format', 'json');
  const upstream = await fetch(target); // expect: ssrf
  reply.code(upstream.status).type('application/json');
  return upstream.json();
});

await app.listen({ port: 3000 });
