'use strict';

const Hapi = require('@hapi/hapi');
const pug = require('pug');

const renderGreeting = pug.compile('p.greeting= "Welcome back, " + name');

const start = async () => {
  const server = Hapi.server({ port: 3000 });

  server.route({
    method: 'GET',
    path: '/welcome',
    handler: (request, h) => {
      const name = String(request.query.name || 'friend');
      return h.response(renderGreeting({ name })).type('text/html');
    },
  });

  await server.start();
};

start();
