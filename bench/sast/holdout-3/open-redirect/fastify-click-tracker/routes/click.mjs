export default async function clickRoutes(fastify) {
  const { db } = fastify;

  fastify.get('/c/:campaign', async (request, reply) => {
    const { campaign } = request.params;
    const { url } = request.query;
    await db.query('INSERT INTO clicks (campaign, at) VALUES ($1, now())', [campaign]);
    return reply.redirect(url); // expect: open-redirect
  });
}
