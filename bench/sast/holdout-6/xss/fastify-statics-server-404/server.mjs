import Fastify from 'fastify';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const app = Fastify();
const ROOT = '/srv/files';

app.get('/files/info', async (request, reply) => {
  const name = String(request.query.name ?? '');
  try {
    const info = await stat(path.join(ROOT, path.basename(name)));
    return { size: info.size };
  } catch {
    return reply.code(404).type('text/html').send(`<h1>Not found</h1><p>No file named ${name}</p>`); // expect: xss
  }
});

await app.listen({ port: 3000 });
