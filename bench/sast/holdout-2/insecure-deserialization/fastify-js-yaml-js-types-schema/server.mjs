import Fastify from 'fastify';
import yaml from 'js-yaml';
import jsTypes from 'js-yaml-js-types';

const SCHEMA = yaml.DEFAULT_SCHEMA.extend(jsTypes.all);
const fastify = Fastify();

fastify.addContentTypeParser(['application/yaml', 'text/yaml'], { parseAs: 'string' }, (request, body, done) => done(null, body));

fastify.post('/config/import', async (request, reply) => {
  const config = yaml.load(request.body, { schema: SCHEMA }); // expect: insecure-deserialization
  if (!config || typeof config !== 'object') {
    return reply.code(400).send({ error: 'expected a YAML mapping' });
  }
  return { keys: Object.keys(config).length, name: String(config.name ?? '') };
});

await fastify.listen({ port: 3000 });
