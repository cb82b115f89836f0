'use strict';

const { Client } = require('pg');

const dbOptions = { host: process.env.PGHOST, user: process.env.PGUSER, password: process.env.PGPASSWORD, database: 'app' };

module.exports = {
  method: 'GET',
  path: '/health',
  handler: async (request, h) => {
    const client = new Client(dbOptions);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { status: 'ok' };
    } catch (err) {
      request.log(['error', 'health'], err);
      const details = { status: 'down' };
      return h.response(details).code(503);
    } finally {
      await client.end().catch(() => {});
    }
  },
};
