import Fastify from 'fastify';
import { unlink } from 'node:fs/promises';
import path from 'node:path';

const UPLOADS = '/var/app/uploads';
const app = Fastify();

app.delete('/attachments', async (request, reply) => {
  const target = path.resolve(UPLOADS, String(request.query.name));
  const rel = path.relative(UPLOADS, target);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return reply.code(400).send({ error: 'bad name' });
  await unlink(target);
  reply.code(204);
});

app.listen({ port: 3000 });
