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
      const views = await fs.readdir(THEME);
      const view = views.find((v) => v === request.query.view);
      if (!view) return h.response('unknown view').code(404);
      const source = await fs.readFile(path.join(THEME, view), 'utf8');
      return h.response(source).type('text/plain');
    },
  });
  await server.start();
};
start();
