'use strict';
const { listIntegrations } = require('./integrations.repo');

module.exports = async function integrationsRoutes(fastify) {
  fastify.get('/orgs/:orgId/integrations', { preHandler: fastify.authenticate }, async (request, reply) => {
    if (request.user.orgId !== request.params.orgId) {
      return reply.code(403).send({ error: 'forbidden' });
    }
    const integrations = await listIntegrations(request.params.orgId);
    return reply.send({ integrations });
  });
};
