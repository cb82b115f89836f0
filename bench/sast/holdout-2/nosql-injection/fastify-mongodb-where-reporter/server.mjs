import Fastify from 'fastify';
import { MongoClient } from 'mongodb';

const fastify = Fastify({ logger: true });
const client = await MongoClient.connect(process.env.MONGO_URL);
const tickets = client.db('helpdesk').collection('tickets');

fastify.post('/tickets/search', async (request) => {
  const { reporter, status = 'open' } = request.body;
  const cursor = tickets.find({ status: String(status), $where: `this.reporter === '${reporter}'` }, { projection: { subject: 1, status: 1 } }); // expect: nosql-injection
  return cursor.limit(100).toArray();
});

await fastify.listen({ port: 3000 });
