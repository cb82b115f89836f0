'use strict';

const Hapi = require('@hapi/hapi');
const routes = require('./routes');

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route(routes);
  await server.start();
};

start();
