import Fastify from 'fastify';
import { unlink } from 'node:fs/promises';
import path from 'node:path';

const UPLOADS = '/var/app/uploads';
const app = Fastify();

app.delete('/attachments', async (request, reply) => {
  const target = path.join(UPLOADS, String(request.query.name));
  await unlink(target); // expect: path-traversal
  reply.code(204);
});

app.listen({ port: 3000 });
