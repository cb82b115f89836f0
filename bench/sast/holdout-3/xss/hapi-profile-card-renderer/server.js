'use strict';

const Hapi = require('@hapi/hapi');
const { CardRenderer } = require('./lib/card-renderer');

const renderer = new CardRenderer('light');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/cards/preview',
    handler: (request, h) => {
      const html = renderer.render(request.payload);
      return h.response(html).type('text/html'); // expect: xss
    },
  });
  await server.start();
};

init();
