import Fastify from 'fastify';
import { VERSION } from './patterns.mjs';

const app = Fastify();

app.post('/releases', async (request, reply) => {
  const version = String(request.body.version);
  if (!VERSION.test(version)) { // expect: redos
    return reply.code(400).send({ error: 'bad version' });
  }
  return { accepted: version };
});

app.listen({ port: 3000 });
