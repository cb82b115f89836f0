import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool();
const app = Fastify();

app.post('/jobs', async (request, reply) => {
  const jobId = request.body.jobId;
  await pool.query(`INSERT INTO jobs (id, state) VALUES ('${jobId}', 'queued')`); // expect: sql-injection
  return reply.code(201).send({ jobId });
});

await app.listen({ port: 3000 });
