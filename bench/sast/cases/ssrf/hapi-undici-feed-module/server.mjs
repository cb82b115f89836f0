import Hapi from '@hapi/hapi';
import { importFeed } from './feeds.mjs';

const server = Hapi.server({ port: 3000 });
server.route({
  method: 'POST',
  path: '/feeds/import',
  handler: async (request) => ({ items: await importFeed(request.payload.feedUrl) }),
});
await server.start();
