import Fastify from 'fastify';

const app = Fastify();
app.decorateRequest('displayName', '');

app.addHook('preHandler', async (request) => {
  request.displayName = request.query.name ?? 'friend';
});

app.get('/hello', async (request, reply) => {
  return reply.type('text/html').send(`<p>Hello, ${request.displayName}!</p>`); // expect: xss
});

await app.listen({ port: 3000 });
