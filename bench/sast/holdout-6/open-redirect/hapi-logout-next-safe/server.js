const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/logout',
    handler: (request, h) => {
      request.cookieAuth?.clear();
      const DESTINATIONS = { home: '/', login: '/login', pricing: '/pricing' };
      const next = Object.hasOwn(DESTINATIONS, request.query.next) ? DESTINATIONS[request.query.next] : '/';
      return h.redirect(next);
    },
  });
  await server.start();
};
init();
