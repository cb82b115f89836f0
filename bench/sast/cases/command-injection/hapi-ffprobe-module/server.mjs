import Hapi from '@hapi/hapi';
import { probeMedia } from './media.mjs';

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'GET',
  path: '/media/{id}/info',
  handler: async (request) => {
    const format = await probeMedia(request.params.id);
    return { duration: Number(format.duration), size: Number(format.size) };
  },
});

await server.start();
