import Fastify from 'fastify';
import mongodb from '@fastify/mongodb';

const app = Fastify();
await app.register(mongodb, { url: process.env.MONGO_URL });

app.get('/tickets', async (request) => {
  const filter = JSON.parse(request.query.filter ?? '{}');
  const tickets = app.mongo.db.collection('tickets');
  return tickets.find(filter).project({ title: 1, status: 1 }).limit(100).toArray(); // expect: nosql-injection
});

await app.listen({ port: 3000 });
