const Hapi = require('@hapi/hapi');
const contentDisposition = require('content-disposition');
const { buildReport } = require('./report');

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/reports/download',
    handler: async (request, h) => {
      const name = String(request.query.name || 'report');
      const pdf = await buildReport();
      return h.response(pdf).type('application/pdf').header('Content-Disposition', contentDisposition(`${name}.pdf`));
    },
  });
  await server.start();
};

start();
