const fastify = require('fastify')();
const shell = require('shelljs');

const ARCHIVE_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

fastify.post('/reports/archive', async (request, reply) => {
  const { name } = request.body;
  if (typeof name !== 'string' || !ARCHIVE_NAME.test(name)) return reply.code(400).send({ error: 'bad name' });
  const result = shell.exec(`zip -r /srv/archives/${name}.zip /srv/reports`, { silent: true });
  if (result.code !== 0) return reply.code(500).send({ error: 'archive failed' });
  return { archived: true };
});

fastify.listen({ port: 3000 });
