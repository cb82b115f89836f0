const fastify = require('fastify')({ logger: true });
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ host: 'localhost', user: 'shop', database: 'shop' });

const searchSchema = {
  querystring: {
    type: 'object',
    required: ['category'],
    properties: {
      category: { type: 'string', enum: ['books', 'music', 'games'] },
      q: { type: 'string', maxLength: 80 },
    },
  },
};

fastify.get('/search', { schema: searchSchema }, async (request) => {
  const { category, q } = request.query;
  const [rows] = await pool.query("SELECT id, title FROM products WHERE category = '" + category + "' AND title LIKE '%" + q + "%'"); // expect: sql-injection
  return rows;
});

fastify.listen({ port: 3000 });
