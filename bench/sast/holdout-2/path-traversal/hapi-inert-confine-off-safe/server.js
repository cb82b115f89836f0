'use strict';

const path = require('path');
const Hapi = require('@hapi/hapi');
const Inert = require('@hapi/inert');

const UPLOADS = path.join(__dirname, 'uploads');

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  await server.register(Inert);

  server.route({
    method: 'GET',
    path: '/files',
    handler: (request, h) => {
      const name = String(request.query.name || '');
      return h.file(path.join(UPLOADS, name), { confine: UPLOADS, mode: 'attachment' });
    },
  });

  await server.start();
};

start();
