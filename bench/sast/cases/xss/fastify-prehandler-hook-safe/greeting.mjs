import Fastify from 'fastify';
import escapeHtml from 'escape-html';

const app = Fastify();
app.decorateRequest('displayName', '');

app.addHook('preHandler', async (request) => {
  request.displayName = escapeHtml(request.query.name ?? 'friend');
});

app.get('/hello', async (request, reply) => {
  return reply.type('text/html').send(`<p>Hello, ${request.displayName}!</p>`);
});

await app.listen({ port: 3000 });
