import Fastify from 'fastify';
import pug from 'pug';

const app = Fastify();
const CARD_LAYOUT = 'div.card\n  h2= title';

app.post('/cards/render', async (request, reply) => {
  const { layout, title } = request.body;
  const render = pug.compile(CARD_LAYOUT);
  return reply.type('text/plain').send(render({ title, layoutRequested: Boolean(layout) }));
});

await app.listen({ port: 3000 });
