const Hapi = require('@hapi/hapi');
const { runBatch } = require('./batch');

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/batch',
    handler: (request) => runBatch(server, request.payload.requests || []),
  });
  await server.start();
};

start();
