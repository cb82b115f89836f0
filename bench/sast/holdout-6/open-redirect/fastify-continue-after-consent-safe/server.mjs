import Fastify from 'fastify';
import cookie from '@fastify/cookie';

const app = Fastify();
await app.register(cookie);

app.get('/consent/accept', async (request, reply) => {
  reply.setCookie('consent', 'yes', { path: '/', maxAge: 31536000, sameSite: 'lax' });
  const raw = String(request.query.continue ?? '/');
  const target = /^\/(?![\/\\])[^\s]*$/.test(raw) ? raw : '/';
  return reply.redirect(target);
});

await app.listen({ port: 3000 });
