const fastify = require('fastify')();
const pug = require('pug');

fastify.get('/notice', async (request, reply) => {
  const { message } = request.query;
  return reply.type('text/html').send(pug.render('p.notice!= message', { message })); // expect: xss
});

fastify.listen({ port: 3000 });
