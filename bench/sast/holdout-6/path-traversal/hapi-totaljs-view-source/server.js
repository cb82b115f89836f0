const Hapi = require('@hapi/hapi');
const fs = require('fs/promises');
const path = require('path');

const THEME = path.join(__dirname, 'themes', 'default');

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/admin/theme/source',
    handler: async (request, h) => {
      const view = request.query.view;
      const source = await fs.readFile(path.join(THEME, view), 'utf8'); // expect: path-traversal
      return h.response(source).type('text/plain');
    },
  });
  await server.start();
};
start();
