const Hapi = require('@hapi/hapi');
const libxmljs = require('libxmljs');

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/images/svg/size',
    options: { payload: { parse: false, allow: 'image/svg+xml', maxBytes: 1048576 } },
    handler: (request) => {
      const doc = libxmljs.parseXml(request.payload.toString('utf8'), { noent: true, dtdload: true }); // expect: xxe
      const root = doc.root();
      return { width: root.attr('width')?.value() ?? null, height: root.attr('height')?.value() ?? null };
    },
  });
  await server.start();
};

start();
