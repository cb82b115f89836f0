'use strict';

const Hapi = require('@hapi/hapi');
const libxmljs = require('libxmljs2');

const init = async () => {
  const server = Hapi.server({ port: 3000 });

  server.route({
    method: 'POST',
    path: '/import/sitemap',
    options: { payload: { maxBytes: 1048576 } },
    handler: (request, h) => {
      const doc = libxmljs.parseXml(String(request.payload), { noent: false, dtdload: false, nonet: true });
      const urls = doc.find('//*[local-name()="loc"]').map((node) => node.text());
      return { count: urls.length, urls };
    },
  });

  await server.start();
};

init();
