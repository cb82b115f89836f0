'use strict';

const Hapi = require('@hapi/hapi');
const { loadReport } = require('./lib/reports');

const EXPORTERS = new Set(['csv', 'json']);

const init = async () => {
  const server = Hapi.server({ port: 3000 });

  server.route({
    method: 'GET',
    path: '/reports/{id}/export',
    handler: async (request, h) => {
      const { id } = request.params;
      const format = String(request.query.format || 'json');
      if (!EXPORTERS.has(format)) {
        return h.response({ error: 'unknown format' }).code(404);
      }
      const exporter = require(`./exporters/${format}`);
      const report = await loadReport(Number(id));
      return h.response(exporter.render(report)).type(exporter.contentType);
    },
  });

  await server.start();
};

init();
