const Hapi = require('@hapi/hapi');
const ejs = require('ejs');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/signature/preview',
    handler: (request) => {
      const { signature, name } = request.payload;
      const html = ejs.render('<div class="sig"><%= signature %></div><p><%= name %></p>', { signature: String(signature), name: String(name) });
      return { html };
    },
  });
  await server.start();
};
init();
