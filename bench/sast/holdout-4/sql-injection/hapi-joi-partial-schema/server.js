'use strict';

const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route(require('./routes/articles'));
  await server.start();
};

init();
