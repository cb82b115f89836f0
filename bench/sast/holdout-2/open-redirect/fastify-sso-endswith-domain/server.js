const fastify = require('fastify')({ logger: true });

function isOurDomain(value) {
  try {
    const url = new URL(value);
    return url.hostname.endsWith('example.com');
  } catch {
    return false;
  }
}

fastify.get('/sso/callback', async (request, reply) => {
  const redirectUri = String(request.query.redirect_uri ?? '');
  if (!isOurDomain(redirectUri)) {
    return reply.code(400).send({ error: 'redirect_uri not allowed' });
  }
  return reply.redirect(redirectUri); // expect: open-redirect
});

fastify.listen({ port: 3000 });
