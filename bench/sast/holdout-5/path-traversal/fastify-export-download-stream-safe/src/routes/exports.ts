import type { FastifyInstance } from 'fastify';
import { openExport } from '../lib/export-storage';

export default async function exportsRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { name: string } }>('/exports/download', async (request, reply) => {
    const { name } = request.query;
    reply.header('Content-Type', 'application/pdf');
    return reply.send(openExport(name));
  });
}
