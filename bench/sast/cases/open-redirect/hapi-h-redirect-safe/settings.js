const Hapi = require('@hapi/hapi');

const PAGES = new Map([
  ['settings', '/settings'],
  ['home', '/'],
  ['billing', '/billing'],
]);

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/settings',
    handler: (request, h) => {
      request.yar.set('settings', { theme: String(request.payload.theme) });
      return h.redirect(PAGES.get(request.query.next) ?? '/settings');
    },
  });
  await server.start();
};

init();
