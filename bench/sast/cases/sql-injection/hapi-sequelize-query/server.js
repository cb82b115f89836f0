const Hapi = require('@hapi/hapi');
const { Sequelize, QueryTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);

async function start() {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/stores/search',
    handler: async (request) => {
      const { city } = request.payload;
      return sequelize.query(`SELECT id, name, street FROM stores WHERE city = '${city}'`, { type: QueryTypes.SELECT }); // expect: sql-injection
    },
  });
  await server.start();
}

start();
