import Hapi from '@hapi/hapi';
import validator from 'validator';
import { probeMedia } from './media.mjs';

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'GET',
  path: '/media/{id}/info',
  handler: async (request, h) => {
    if (!validator.isUUID(request.params.id)) return h.response({ error: 'unknown media' }).code(404);
    const format = await probeMedia(request.params.id);
    return { duration: Number(format.duration), size: Number(format.size) };
  },
});

await server.start();
