import type { FastifyInstance } from 'fastify';
import { transcode } from './transcoder';

export default async function routes(app: FastifyInstance) {
  app.post<{ Body: { source: string; preset: string } }>('/jobs', async (request, reply) => {
    const { source, preset } = request.body;
    const job = transcode(source, preset);
    reply.code(202);
    return { jobId: job.pid };
  });
}
