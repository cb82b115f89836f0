const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/logout',
    handler: (request, h) => {
      request.cookieAuth?.clear();
      const next = request.query.next || '/';
      return h.redirect(next); // expect: open-redirect
    },
  });
  await server.start();
};
init();
