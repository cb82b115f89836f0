import Fastify from 'fastify';
import pug from 'pug';

const app = Fastify();

app.post('/cards/render', async (request, reply) => {
  const { layout, title } = request.body;
  const render = pug.compile(layout); // expect: template-injection
  return reply.type('text/plain').send(render({ title }));
});

await app.listen({ port: 3000 });
