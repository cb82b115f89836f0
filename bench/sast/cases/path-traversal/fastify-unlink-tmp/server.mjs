import Fastify from 'fastify';
import { unlink } from 'node:fs/promises';

const app = Fastify();

app.delete('/uploads/tmp/:file', async (request, reply) => {
  await unlink(`/srv/tmp/${request.params.file}`); // expect: path-traversal
  return reply.code(204).send();
});

await app.listen({ port: 3000 });
