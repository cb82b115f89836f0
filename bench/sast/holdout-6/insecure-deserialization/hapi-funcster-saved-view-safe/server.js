const Hapi = require('@hapi/hapi');


const views = new Map();

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/views',
    handler: (request, h) => {
      const view = JSON.parse(JSON.stringify(request.payload.view));
      views.set(String(request.payload.name), view);
      return h.response({ saved: true }).code(201);
    },
  });
  await server.start();
};
init();
