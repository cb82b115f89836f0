import Fastify from 'fastify';
import Mustache from 'mustache';

const app = Fastify();

app.post<{ Body: { template: string; sample: Record<string, string> } }>('/notifications/preview', async (request) => {
  const { template, sample } = request.body;
  const render = (view: Record<string, string>) => Mustache.render(template, view);
  return { html: render(sample ?? {}) };
});

app.listen({ port: 3000 });
