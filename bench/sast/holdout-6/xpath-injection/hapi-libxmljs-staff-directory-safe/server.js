const Hapi = require('@hapi/hapi');
const { byDepartment } = require('./directory');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({ method: 'GET', path: '/directory', handler: (request) => byDepartment(String(request.query.dept || '')) });
  await server.start();
};
init();
