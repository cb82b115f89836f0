import type { FastifyInstance } from 'fastify';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { storagePath } from '@lib/storage';

export async function uploadRoutes(app: FastifyInstance) {
  app.post('/documents', async (request, reply) => {
    // Folder uploads keep their relative names, so busboy must not strip the path.
    const data = await request.file({ preservePath: true });
    if (!data) return reply.code(400).send({ error: 'no file' });
    const target = storagePath(data.filename);
    await pipeline(data.file, createWriteStream(target)); // expect: path-traversal
    return reply.code(201).send({ stored: data.filename });
  });
}
