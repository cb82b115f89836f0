import Fastify from 'fastify';
import yaml from 'js-yaml';

const app = Fastify();
app.addContentTypeParser('application/yaml', { parseAs: 'string' }, (request, body, done) => done(null, body));

app.post('/workflows/import', async (request) => {
  const workflow = yaml.load(request.body);
  return { steps: Array.isArray(workflow.steps) ? workflow.steps.length : 0 };
});

await app.listen({ port: 3000 });
