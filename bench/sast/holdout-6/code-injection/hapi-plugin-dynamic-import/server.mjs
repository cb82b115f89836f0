import Hapi from '@hapi/hapi';
import { loadRenderer } from './renderers.mjs';

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'GET',
  path: '/render',
  handler: async (request, h) => {
    const renderer = await loadRenderer(request.query.plugin || 'markdown');
    return h.response({ html: renderer.render(String(request.query.src || '')) });
  },
});

await server.start();
