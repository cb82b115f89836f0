'use strict';

const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/logout',
    options: {
      pre: [[{ method: (request) => request.query.next || '/', assign: 'target' }]],
    },
    handler: (request, h) => {
      h.unstate('sid');
      return h.redirect(request.pre.target); // expect: open-redirect
    },
  });
  await server.start();
};

init();
