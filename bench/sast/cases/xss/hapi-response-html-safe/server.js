const Hapi = require('@hapi/hapi');
const escape = require('lodash.escape');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/share',
    handler: (request, h) => {
      const title = escape(request.query.title || 'Untitled');
      return h.response(`<meta property="og:title" content="${title}"><p>Shared: ${title}</p>`).type('text/html');
    },
  });
  await server.start();
};

init();
