import type { FastifyInstance } from 'fastify';
import { globToRegExp } from '../lib/glob';
import { listFiles } from '../lib/index-store';

export default async function fileRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { pattern?: string } }>('/files', async (request) => {
    const matcher = globToRegExp(request.query.pattern ?? '*');
    return { files: (await listFiles()).filter((name) => matcher.test(name)).slice(0, 200) };
  });
}
