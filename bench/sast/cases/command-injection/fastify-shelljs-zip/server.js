const fastify = require('fastify')();
const shell = require('shelljs');

fastify.post('/reports/archive', async (request, reply) => {
  const { name } = request.body;
  const result = shell.exec(`zip -r /srv/archives/${name}.zip /srv/reports`, { silent: true }); // expect: command-injection
  if (result.code !== 0) return reply.code(500).send({ error: 'archive failed' });
  return { archived: true };
});

fastify.listen({ port: 3000 });
