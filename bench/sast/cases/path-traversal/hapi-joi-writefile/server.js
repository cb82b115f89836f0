const Hapi = require('@hapi/hapi');
const fs = require('fs/promises');
const path = require('path');

const NOTES = '/srv/notes';

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'PUT',
    path: '/notes/{name}',
    handler: async (request, h) => {
      await fs.writeFile(path.join(NOTES, request.params.name), String(request.payload.content)); // expect: path-traversal
      return h.response().code(204);
    },
  });
  await server.start();
};

init();
