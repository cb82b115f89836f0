'use strict';
const Hapi = require('@hapi/hapi');
const sql = require('mssql');

const poolPromise = new sql.ConnectionPool(process.env.MSSQL_URL).connect();

const init = async () => {
  const server = Hapi.server({ port: 4000, host: '0.0.0.0' });

  server.route({
    method: 'GET',
    path: '/customers/by-email/{email}',
    handler: async (request, h) => {
      const { email } = request.params;
      const pool = await poolPromise;
      const result = await pool.request().query(`SELECT CustomerId, DisplayName, Tier FROM dbo.Customers WHERE Email = '${email}'`); // expect: sql-injection
      if (result.recordset.length === 0) {
        return h.response({ error: 'not found' }).code(404);
      }
      return result.recordset[0];
    },
  });

  await server.start();
};

init();
