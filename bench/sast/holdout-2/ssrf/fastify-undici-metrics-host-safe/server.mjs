import Fastify from 'fastify';
import { request } from 'undici';

const NODES = new Map([
  ['node-a', '10.0.1.10'],
  ['node-b', '10.0.1.11'],
]);

const app = Fastify({ logger: true });

app.post('/cluster/metrics', async (req, reply) => {
  const host = NODES.get(String(req.body.node));
  if (typeof host !== 'string') {
    return reply.code(400).send({ error: 'unknown node' });
  }
  const { statusCode, body } = await request(`http://${host}:9100/metrics`, { headersTimeout: 3000 });
  reply.code(statusCode === 200 ? 200 : 502).type('text/plain');
  return body.text();
});

await app.listen({ port: 3000 });
