import Fastify from 'fastify';

const API_BASE = 'https://api.partner.example/v2/';
const app = Fastify();

app.get('/partner/*', async (request, reply) => {
  const target = new URL(request.query.path ?? request.params['*'], API_BASE);
  if (target.origin !== new URL(API_BASE).origin || !target.pathname.startsWith('/v2/')) {
    return reply.code(400).send({ error: 'invalid path' });
  }
  target.searchParams.set('format', 'json');
  const upstream = await fetch(target);
  reply.code(upstream.status).type('application/json');
  return upstream.json();
});

await app.listen({ port: 3000 });
