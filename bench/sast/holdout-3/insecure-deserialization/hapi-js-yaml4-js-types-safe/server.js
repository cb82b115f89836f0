'use strict';

const Hapi = require('@hapi/hapi');
const { parseDashboard } = require('./lib/yaml');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/dashboards/import',
    options: { payload: { parse: false, allow: 'text/yaml' } },
    handler: (request) => {
      const dashboard = parseDashboard(request.payload.toString('utf8'));
      return { title: String(dashboard.title), panels: Array.isArray(dashboard.panels) ? dashboard.panels.length : 0 };
    },
  });
  await server.start();
};

init();
