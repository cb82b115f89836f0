'use strict';
const Hapi = require('@hapi/hapi');
const { listUsernames } = require('./users');

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'GET',
  path: '/directory',
  handler: async (request) => {
    const prefix = String(request.query.prefix || '');
    const matcher = new RegExp('^' + prefix, 'i'); // expect: redos
    const names = await listUsernames();
    return { matches: names.filter((name) => matcher.test(name)).slice(0, 20) };
  },
});

server.start();
