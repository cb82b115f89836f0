import Fastify from 'fastify';
import mongodb from '@fastify/mongodb';

const app = Fastify();
await app.register(mongodb, { url: process.env.MONGO_URL });

app.get('/tickets', async (request) => {
  const parsed = JSON.parse(request.query.filter ?? '{}');
  const filter = {};
  if (parsed.status !== undefined) filter.status = String(parsed.status);
  if (parsed.queue !== undefined) filter.queue = String(parsed.queue);
  const tickets = app.mongo.db.collection('tickets');
  return tickets.find(filter).project({ title: 1, status: 1 }).limit(100).toArray();
});

await app.listen({ port: 3000 });
