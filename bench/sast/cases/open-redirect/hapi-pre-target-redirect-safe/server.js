'use strict';

const Hapi = require('@hapi/hapi');

const PAGES = { home: '/', account: '/account', help: '/help' };

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/logout',
    options: {
      pre: [[{ method: (request) => (Object.hasOwn(PAGES, request.query.next) ? PAGES[request.query.next] : '/'), assign: 'target' }]],
    },
    handler: (request, h) => {
      h.unstate('sid');
      return h.redirect(request.pre.target);
    },
  });
  await server.start();
};

init();
