import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface KeyedBody {
  apiKey?: unknown;
}

export default fp(async (app) => {
  const clients = app.mongo.db!.collection('api_clients');

  app.decorate('requireApiKey', async (request: FastifyRequest, reply: FastifyReply) => {
    const { apiKey } = (request.body ?? {}) as KeyedBody;
    const client = await clients.findOne({ key: apiKey, revoked: false }, { projection: { name: 1 } }); // expect: nosql-injection
    if (!client) return reply.code(401).send({ error: 'bad api key' });
    request.clientName = client.name;
  });
});
