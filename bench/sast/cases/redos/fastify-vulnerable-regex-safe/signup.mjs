import Fastify from 'fastify';

const app = Fastify();
const CORPORATE_EMAIL = /^[a-zA-Z0-9_.-]+@corp\.example$/;

app.post('/signup', async (request, reply) => {
  const { email } = request.body;
  if (!CORPORATE_EMAIL.test(email)) return reply.code(400).send({ error: 'corporate email required' });
  return { invited: true };
});

await app.listen({ port: 3000 });
