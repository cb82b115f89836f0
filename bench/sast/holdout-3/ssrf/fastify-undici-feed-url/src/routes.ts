import type { FastifyInstance } from 'fastify';
import { FeedReader } from './feed-reader';

const reader = new FeedReader();

export async function feedRoutes(app: FastifyInstance) {
  app.post<{ Body: { feedUrl: string } }>('/feeds/import', async (request) => {
    const xml = await reader.read(request.body.feedUrl);
    return { bytes: xml.length };
  });
}
