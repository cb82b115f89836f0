'use strict';

const Hapi = require('@hapi/hapi');

const APP_ORIGIN = 'https://app.example.com';

function sameOrigin(target) {
  try {
    return new URL(target, APP_ORIGIN).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

const init = async () => {
  const server = Hapi.server({ port: 3000 });

  server.route({
    method: 'GET',
    path: '/signed-in',
    handler: (request, h) => {
      const { next = '/', returnTo } = request.query;
      const target = returnTo || next;
      if (!sameOrigin(target)) {
        return h.response({ error: 'invalid redirect' }).code(400);
      }
      return h.redirect(target);
    },
  });

  await server.start();
};

init();
