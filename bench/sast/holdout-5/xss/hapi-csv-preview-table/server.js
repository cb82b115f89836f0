const Hapi = require('@hapi/hapi');
const { previewTable } = require('./preview');

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/imports/preview',
    options: { payload: { parse: true, allow: 'application/json' } },
    handler: (request, h) => {
      const html = previewTable(String(request.payload.csv || ''));
      return h.response(html).type('text/html'); // expect: xss
    },
  });
  await server.start();
};

start();
