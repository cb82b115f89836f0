'use strict';

const Hapi = require('@hapi/hapi');
const Vision = require('@hapi/vision');
const Handlebars = require('handlebars');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  await server.register(Vision);
  server.views({ engines: { hbs: Handlebars }, relativeTo: __dirname, path: 'views' });

  server.route({
    method: 'GET',
    path: '/profile/preview',
    handler: (request, h) => {
      const { displayName = 'Anonymous', bio = '' } = request.query;
      return h.view('profile', { displayName, bio });
    },
  });

  await server.start();
};

init();
