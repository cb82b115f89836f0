import { listItems } from '../services/items.mjs';

export default async function itemRoutes(fastify) {
  fastify.get('/items', async (request, reply) => {
    const cursor = String(request.query.cursor ?? '');
    const page = await listItems(cursor, 25);
    if (page.nextCursor) {
      const next = cursor ? `${cursor}-${page.nextCursor}` : page.nextCursor;
      reply.header('Link', `</items?cursor=${next}>; rel="next"`); // expect: header-injection
    }
    return { items: page.items };
  });
}
