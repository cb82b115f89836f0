const fastify = require('fastify')({ logger: true });
const he = require('he');

fastify.get('/signin/done', async (request, reply) => {
  const next = typeof request.query.next === 'string' ? request.query.next : '/';
  const back = next.startsWith('https://') || next.startsWith('/') ? next : '/';
  reply.type('text/html');
  return reply.send('<main><h1>Signed in</h1><a class="button" href="' + he.encode(back) + '">Continue</a></main>');
});

fastify.listen({ port: 3000 });
