import { listMembers } from '../services/members.mjs';

export default async function memberRoutes(fastify) {
  fastify.get('/orgs/:orgId/members', async (request, reply) => {
    const members = await listMembers(fastify.mongo.db, String(request.params.orgId));
    return reply.send({ members }); // expect: data-leak
  });
}
