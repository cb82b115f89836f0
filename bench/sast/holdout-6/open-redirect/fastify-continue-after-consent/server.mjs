import Fastify from 'fastify';
import cookie from '@fastify/cookie';

const app = Fastify();
await app.register(cookie);

app.get('/consent/accept', async (request, reply) => {
  reply.setCookie('consent', 'yes', { path: '/', maxAge: 31536000, sameSite: 'lax' });
  const target = String(request.query.continue ?? '/');
  return reply.redirect(target); // expect: open-redirect
});

await app.listen({ port: 3000 });
