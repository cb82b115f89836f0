const Hapi = require('@hapi/hapi');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/staff',
    handler: async (request, h) => {
      const staff = await knex('staff').select('*').orderBy('name');
      return h.response(staff); // expect: data-leak
    },
  });
  await server.start();
};
init();
