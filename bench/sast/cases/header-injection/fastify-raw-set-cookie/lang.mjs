import Fastify from 'fastify';

const app = Fastify();

app.get('/lang', async (request, reply) => {
  const lang = request.query.lang ?? 'en';
  reply.header('set-cookie', `lang=${lang}; Path=/; Max-Age=31536000`); // expect: header-injection
  return { lang };
});

await app.listen({ port: 3000 });
