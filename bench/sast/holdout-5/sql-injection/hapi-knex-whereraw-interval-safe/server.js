const Hapi = require('@hapi/hapi');
const reports = require('./reports-repository');

async function start() {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/reports/signups',
    handler: (request) => reports.signupsSince(request.query.days || '7'),
  });
  await server.start();
}

start();
