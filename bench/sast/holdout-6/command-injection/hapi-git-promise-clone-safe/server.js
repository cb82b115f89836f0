const Hapi = require('@hapi/hapi');
const { cloneRepo } = require('./git');

const init = async () => {
  const server = Hapi.server({ port: 4000 });
  server.route({
    method: 'POST',
    path: '/projects/import',
    handler: async (request, h) => {
      const dir = await cloneRepo(request.payload.repo);
      return h.response({ dir }).code(201);
    },
  });
  await server.start();
};
init();
