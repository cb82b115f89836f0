import Fastify from 'fastify';
import knexFactory from 'knex';

const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });
const app = Fastify({ logger: true });

app.get('/articles/search', async (request) => {
  const { q = '', limit = '20' } = request.query;
  const term = q.trim();
  const rows = await knex('articles').select('id', 'title', 'slug').whereRaw(`title ILIKE '%${term}%'`).limit(Math.min(Number(limit) || 20, 100)); // expect: sql-injection
  return { results: rows };
});

await app.listen({ port: 3000 });
