const Hapi = require('@hapi/hapi');
const { listingHtml } = require('./listing');

const files = [];

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/files',
    handler: (request, h) => {
      files.push({ name: String(request.payload.name), size: Number(request.payload.size) || 0 });
      return h.response().code(201);
    },
  });
  server.route({
    method: 'GET',
    path: '/files',
    handler: (request, h) => h.response(listingHtml(files)).type('text/html'),
  });
  await server.start();
};
init();
