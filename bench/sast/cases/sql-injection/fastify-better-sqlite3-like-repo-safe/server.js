'use strict';
const fastify = require('fastify')({ logger: true });
const { ArticleRepository } = require('./articles.repository');

const articles = new ArticleRepository(process.env.DB_FILE || './blog.db');

fastify.get('/api/articles/search', async (request, reply) => {
  const { q = '' } = request.query;
  if (q.length < 2) {
    return reply.code(400).send({ error: 'query too short' });
  }
  return { results: articles.search(q) };
});

fastify.listen({ port: 3000 });
