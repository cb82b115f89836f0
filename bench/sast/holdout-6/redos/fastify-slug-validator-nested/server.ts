import Fastify from 'fastify';

const SLUG = /^([a-z0-9]+-?)+$/;
const app = Fastify();

app.post<{ Body: { slug: string; title: string } }>('/pages', async (request, reply) => {
  const { slug, title } = request.body;
  if (!SLUG.test(String(slug))) { // expect: redos
    return reply.code(400).send({ error: 'invalid slug' });
  }
  reply.code(201);
  return { slug, title };
});

app.listen({ port: 3000 });
