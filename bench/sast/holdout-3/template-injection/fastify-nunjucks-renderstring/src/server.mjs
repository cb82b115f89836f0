import Fastify from 'fastify';
import { renderPreview } from './preview.mjs';

const app = Fastify();

app.post('/campaigns/preview', async (request, reply) => {
  const { template } = request.body;
  const html = renderPreview(template, { firstName: 'Sam', plan: 'Pro' });
  return reply.type('text/plain').send(html);
});

app.listen({ port: 3000 });
