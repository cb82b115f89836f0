'use strict';

const Hapi = require('@hapi/hapi');
const UserStore = require('./lib/user-store');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/viewers',
    handler: async (request, h) => {
      await UserStore.addViewer(request.payload.name);
      return h.response({ created: true }).code(201);
    },
  });
  await server.start();
};

init();
