import Fastify from 'fastify';
import cookie from '@fastify/cookie';

const app = Fastify();
await app.register(cookie);

app.get('/locale/:lang', async (request, reply) => {
  const { lang } = request.params;
  const target = request.query.target || '/';
  reply.setCookie('lang', ['en', 'de', 'es'].includes(lang) ? lang : 'en', { path: '/', sameSite: 'lax' });
  return reply.redirect(target); // expect: open-redirect
});

await app.listen({ port: 3000 });
