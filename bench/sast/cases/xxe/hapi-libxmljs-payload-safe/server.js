const Hapi = require('@hapi/hapi');
const libxmljs = require('libxmljs');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/shipments/manifest',
    options: { payload: { parse: false, output: 'data', maxBytes: 512 * 1024 } },
    handler: (request) => {
      const manifest = libxmljs.parseXmlString(request.payload.toString('utf8'), { noent: false, dtdload: false, nonet: true });
      return { parcels: manifest.find('//parcel').length };
    },
  });
  await server.start();
};

init();
