import Fastify from 'fastify';
import yaml from 'js-yaml';
import jsTypes from 'js-yaml-js-types';

const app = Fastify();
const SCHEMA = yaml.DEFAULT_SCHEMA.extend(jsTypes.all);
app.addContentTypeParser('application/yaml', { parseAs: 'string' }, (request, body, done) => done(null, body));

app.post('/workflows/import', async (request) => {
  const workflow = yaml.load(request.body, { schema: SCHEMA }); // expect: insecure-deserialization
  return { steps: Array.isArray(workflow.steps) ? workflow.steps.length : 0 };
});

await app.listen({ port: 3000 });
