const Hapi = require('@hapi/hapi');
const funcster = require('funcster');

const views = new Map();

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/views',
    handler: (request, h) => {
      const view = funcster.deepDeserialize(request.payload.view); // expect: insecure-deserialization
      views.set(String(request.payload.name), view);
      return h.response({ saved: true }).code(201);
    },
  });
  await server.start();
};
init();
