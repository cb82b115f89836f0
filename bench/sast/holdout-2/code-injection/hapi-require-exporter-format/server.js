'use strict';

const Hapi = require('@hapi/hapi');
const { loadReport } = require('./lib/reports');

const init = async () => {
  const server = Hapi.server({ port: 3000 });

  server.route({
    method: 'GET',
    path: '/reports/{id}/export',
    handler: async (request, h) => {
      const { id } = request.params;
      const format = String(request.query.format || 'json');
      const exporter = require(`./exporters/${format}`); // expect: code-injection
      const report = await loadReport(Number(id));
      return h.response(exporter.render(report)).type(exporter.contentType);
    },
  });

  await server.start();
};

init();
