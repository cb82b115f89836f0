import Fastify from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const DOCS_DIR = path.resolve('docs');
const fastify = Fastify();

fastify.get('/docs', async (request, reply) => {
  const page = String(request.query.page ?? 'index.md').replace(/\.\.\//g, '');
  try {
    const text = await readFile(path.join(DOCS_DIR, page), 'utf8'); // expect: path-traversal
    return reply.type('text/plain; charset=utf-8').send(text);
  } catch {
    return reply.code(404).send({ error: 'no such page' });
  }
});

await fastify.listen({ port: 3000 });
