import Fastify from 'fastify';
import doT from 'dot';

const app = Fastify();

app.post<{ Body: { template: string; sample: Record<string, string> } }>('/notifications/preview', async (request) => {
  const { template, sample } = request.body;
  const render = doT.template(template); // expect: template-injection
  return { html: render(sample ?? {}) };
});

app.listen({ port: 3000 });
