'use strict';

const fastify = require('fastify')();
const { suggest } = require('./lib/suggest');

fastify.get('/cities/suggest', async (request) => {
  const { q = '' } = request.query;
  return { suggestions: suggest(q) };
});

fastify.listen({ port: 3000 });
