'use strict';

const Hapi = require('@hapi/hapi');
const nunjucks = require('nunjucks');

const env = new nunjucks.Environment(null, { autoescape: true });

const init = async () => {
  const server = Hapi.server({ port: 3000 });

  server.route({
    method: 'POST',
    path: '/greetings/preview',
    handler: (request) => {
      const { greeting = 'Hello', name = 'friend' } = request.payload || {};
      const text = env.renderString(`${greeting}, {{ name }}!`, { name: String(name) }); // expect: template-injection
      return { text };
    },
  });

  await server.start();
};

init();
