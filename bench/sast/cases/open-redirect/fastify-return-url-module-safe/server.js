const fastify = require('fastify')();
const { returnUrl } = require('./return-url');

fastify.get('/checkout/done', async (request, reply) => {
  return reply.redirect(returnUrl(request));
});

fastify.listen({ port: 3000 });
