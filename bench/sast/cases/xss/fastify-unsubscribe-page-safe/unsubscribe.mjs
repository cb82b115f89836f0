import Fastify from 'fastify';
import he from 'he';
import { unsubscribe } from './mailing-list.mjs';

const app = Fastify({ logger: true });

app.get('/newsletter/unsubscribe', async (request, reply) => {
  const { email, token } = request.query;
  const done = await unsubscribe(email, token);
  const message = done ? `${he.encode(String(email))} will no longer receive our newsletter.` : `The unsubscribe link for ${he.encode(String(email))} has expired.`;
  reply.header('content-type', 'text/html; charset=utf-8');
  return reply.send(`<!doctype html><main><h1>Newsletter</h1><p>${message}</p></main>`);
});

await app.listen({ port: 3000 });
