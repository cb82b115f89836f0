import Fastify from 'fastify';
import { unlink } from 'node:fs/promises';
import path from 'node:path';

const app = Fastify();

app.delete('/uploads/tmp/:file', async (request, reply) => {
  await unlink(`/srv/tmp/${path.basename(request.params.file)}`);
  return reply.code(204).send();
});

await app.listen({ port: 3000 });
