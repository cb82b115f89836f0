import Fastify from 'fastify';
import { localeCookie } from './locale';

const app = Fastify();

app.get<{ Querystring: { lang?: string } }>('/locale', async (request, reply) => {
  reply.header('Set-Cookie', localeCookie(request.query.lang ?? 'en'));
  return { ok: true };
});

app.listen({ port: 3000 });
