import Fastify from 'fastify';
import { unsubscribe } from './mailing-list.mjs';

const app = Fastify({ logger: true });

app.get('/newsletter/unsubscribe', async (request, reply) => {
  const { email, token } = request.query;
  const done = await unsubscribe(email, token);
  const message = done ? `${email} will no longer receive our newsletter.` : `The unsubscribe link for ${email} has expired.`;
  reply.header('content-type', 'text/html; charset=utf-8');
  return reply.send(`<!doctype html><main><h1>Newsletter</h1><p>${message}</p></main>`); // expect: xss
});

await app.listen({ port: 3000 });
