export default async function clickRoutes(fastify) {
  const { db } = fastify;

  fastify.get('/c/:campaign', async (request, reply) => {
    const { campaign } = request.params;
    const { rows } = await db.query('SELECT destination FROM campaign_links WHERE campaign = $1', [campaign]);
    if (rows.length === 0) return reply.code(404).send();
    await db.query('INSERT INTO clicks (campaign, at) VALUES ($1, now())', [campaign]);
    return reply.redirect(rows[0].destination);
  });
}
