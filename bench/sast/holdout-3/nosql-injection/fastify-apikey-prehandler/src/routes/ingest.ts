import type { FastifyInstance } from 'fastify';

export default async function ingestRoutes(app: FastifyInstance) {
  app.post('/ingest', { preHandler: app.requireApiKey }, async (request) => {
    return { accepted: true, client: request.clientName };
  });
}
