import { page } from '../views/layout.mjs';
import { countMatches } from '../services/search.mjs';

export default async function searchRoutes(fastify) {
  fastify.get('/search', async (request, reply) => {
    const q = String(request.query.q ?? '');
    const total = await countMatches(q);
    const shown = q;
    return reply.type('text/html; charset=utf-8').send(page('Search', `<p>${total} results for <strong>${shown}</strong></p>`)); // expect: xss
  });
}
