const fastify = require('fastify')();
const { returnUrl } = require('./return-url');

fastify.get('/checkout/done', async (request, reply) => {
  return reply.redirect(returnUrl(request)); // expect: open-redirect
});

fastify.listen({ port: 3000 });
