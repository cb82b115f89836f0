const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/settings',
    handler: (request, h) => {
      request.yar.set('settings', { theme: String(request.payload.theme) });
      return h.redirect(request.query.next || '/settings'); // expect: open-redirect
    },
  });
  await server.start();
};

init();
