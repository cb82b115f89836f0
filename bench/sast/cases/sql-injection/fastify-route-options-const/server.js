const fastify = require('fastify')();
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ host: 'localhost', user: 'reports', database: 'sales' });

const REPORT_QUERY = {
  type: 'object',
  required: ['region'],
  properties: {
    region: { type: 'string', maxLength: 16 },
  },
};

const reportOptions = { schema: { querystring: REPORT_QUERY } };

fastify.get('/reports/sales', reportOptions, async (request) => {
  const { region } = request.query;
  const [rows] = await pool.query("SELECT month, SUM(total) AS total FROM sales WHERE region = '" + region + "' GROUP BY month"); // expect: sql-injection
  return rows;
});

fastify.listen({ port: 3000 });
