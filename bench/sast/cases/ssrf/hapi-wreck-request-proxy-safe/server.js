const Hapi = require('@hapi/hapi');
const Wreck = require('@hapi/wreck');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'GET',
    path: '/proxy/image',
    handler: async (request, h) => {
      const uri = 'https://cdn.example.com/images/' + encodeURIComponent(request.query.src);
      const res = await Wreck.request('GET', uri, { redirects: 2, timeout: 4000 });
      const body = await Wreck.read(res, { maxBytes: 2 * 1024 * 1024 });
      return h.response(body).type(res.headers['content-type'] || 'application/octet-stream');
    },
  });
  await server.start();
};

init();
