import Fastify from 'fastify';
import pg from 'pg';
import { randomUUID } from 'node:crypto';

const pool = new pg.Pool();
const app = Fastify();

app.post('/jobs', async (request, reply) => {
  const jobId = randomUUID();
  await pool.query(`INSERT INTO jobs (id, state) VALUES ('${jobId}', 'queued')`);
  return reply.code(201).send({ jobId });
});

await app.listen({ port: 3000 });
