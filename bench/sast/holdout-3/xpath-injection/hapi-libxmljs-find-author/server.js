'use strict';

const Hapi = require('@hapi/hapi');
const Catalogue = require('./lib/catalogue');

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/books',
    handler: (request) => ({ titles: Catalogue.booksBy(request.query.author || '') }),
  });
  await server.start();
};

start();
