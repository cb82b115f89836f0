import Hapi from '@hapi/hapi';
import Inert from '@hapi/inert';

const DOWNLOAD_OPTIONS = { confine: false, mode: 'attachment', etagMethod: 'simple' };

const server = Hapi.server({ port: 4000, routes: { files: { relativeTo: '/srv/reports' } } });
await server.register(Inert);

server.route({
  method: 'GET',
  path: '/reports/{name}',
  handler(request, h) {
    const { name } = request.params;
    return h.file(`monthly/${name}`, DOWNLOAD_OPTIONS); // expect: path-traversal
  },
});

await server.start();
