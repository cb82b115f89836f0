import Fastify from 'fastify';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const app = Fastify();

app.get<{ Querystring: { from: string; to: string } }>('/api/events/count', async (request) => {
  const { from, to } = request.query;
  const result = await db.raw('SELECT count(*) AS n FROM events WHERE tenant_id = 1 AND created_at BETWEEN ? AND ?', [from, to]);
  return { count: Number(result.rows[0].n) };
});

app.listen({ port: 3000 });
