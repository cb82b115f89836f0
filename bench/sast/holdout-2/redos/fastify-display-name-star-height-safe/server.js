const fastify = require('fastify')();

const DISPLAY_NAME = /^[a-zA-Z0-9]+(?: [a-zA-Z0-9]+)*$/;
const profiles = new Map();

fastify.put('/profiles/:id', async (request, reply) => {
  const displayName = String(request.body?.displayName ?? '');
  if (displayName.length > 64 || !DISPLAY_NAME.test(displayName)) {
    return reply.code(400).send({ error: 'display name may contain letters, digits and single spaces' });
  }
  profiles.set(request.params.id, { displayName });
  return { id: request.params.id, displayName };
});

fastify.listen({ port: 3000 });
