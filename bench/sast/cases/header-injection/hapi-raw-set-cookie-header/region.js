'use strict';
const Hapi = require('@hapi/hapi');

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'POST',
  path: '/preferences/region',
  handler: (request, h) => {
    const region = String(request.payload?.region ?? 'us');
    return h.response({ region }).header('set-cookie', `region=${region}; Path=/; HttpOnly`); // expect: header-injection
  },
});

server.start();
