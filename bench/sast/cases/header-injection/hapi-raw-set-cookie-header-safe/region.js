'use strict';
const Hapi = require('@hapi/hapi');

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'POST',
  path: '/preferences/region',
  handler: (request, h) => {
    const region = String(request.payload?.region ?? 'us');
    return h.response({ region }).state('region', region, { path: '/', isHttpOnly: true, isSecure: false, encoding: 'none', strictHeader: true });
  },
});

server.start();
