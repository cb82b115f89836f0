import Fastify from 'fastify';
import formbody from '@fastify/formbody';

const app = Fastify();
await app.register(formbody);

const ALLOWED = ['PUT', 'PATCH', 'DELETE'];

app.post('/forms/submit', async (request, reply) => {
  const override = String(request.body._method ?? 'POST');
  if (!ALLOWED.includes(override.toUpperCase())) {
    return reply.code(405).type('text/html').send(`<h1>405</h1><p>Method ${override} is not supported by this form.</p>`); // expect: xss
  }
  return { method: override.toUpperCase() };
});

await app.listen({ port: 3000 });
