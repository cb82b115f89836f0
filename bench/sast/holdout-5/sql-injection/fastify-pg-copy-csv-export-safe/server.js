import Fastify from 'fastify';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
const app = Fastify({ logger: true });

app.get('/admin/orders.csv', async (request, reply) => {
  const from = request.query.from ?? '1970-01-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return reply.code(400).send({ error: 'from must be YYYY-MM-DD' });
  const client = await pool.connect();
  const stream = client.query(copyTo(`COPY (SELECT id, total, created_at FROM orders WHERE created_at >= '${from}') TO STDOUT WITH CSV HEADER`));
  stream.on('end', () => client.release());
  stream.on('error', () => client.release());
  reply.type('text/csv');
  return reply.send(stream);
});

app.listen({ port: 3000 });
