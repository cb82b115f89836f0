'use strict';

const { User } = require('./models');

module.exports = async function userRoutes(fastify, opts) {
  fastify.get('/users/:id', async (request, reply) => {
    const user = await User.findByPk(request.params.id, { attributes: ['id', 'name'] });
    if (!user) return reply.code(404).send({ error: 'not found' });
    return user;
  });
};
