const fastify = require('fastify')();

const DISPLAY_NAME = /^([a-zA-Z0-9]+\s?)*$/;
const profiles = new Map();

fastify.put('/profiles/:id', async (request, reply) => {
  const displayName = String(request.body?.displayName ?? '');
  if (!DISPLAY_NAME.test(displayName)) { // expect: redos
    return reply.code(400).send({ error: 'display name may contain letters, digits and single spaces' });
  }
  profiles.set(request.params.id, { displayName });
  return { id: request.params.id, displayName };
});

fastify.listen({ port: 3000 });
