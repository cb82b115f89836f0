const Hapi = require('@hapi/hapi');
const { Sequelize, QueryTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

async function start() {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/tickets',
    handler: async (request) => {
      const status = request.query.status || 'open';
      return sequelize.query("SELECT id, subject, status FROM tickets WHERE status = '" + status + "'", { type: QueryTypes.SELECT }); // expect: sql-injection
    },
  });
  await server.start();
}

start();
