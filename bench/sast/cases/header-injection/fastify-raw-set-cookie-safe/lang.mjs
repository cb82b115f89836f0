import Fastify from 'fastify';
import cookie from '@fastify/cookie';

const app = Fastify();
await app.register(cookie);

app.get('/lang', async (request, reply) => {
  const lang = request.query.lang ?? 'en';
  reply.setCookie('lang', String(lang), { path: '/', maxAge: 31536000 });
  return { lang };
});

await app.listen({ port: 3000 });
