'use strict';

const Hapi = require('@hapi/hapi');
const http = require('node:http');

const SERVICES = { billing: 'billing.svc.local', search: 'search.svc.local', mail: 'mail.svc.local' };

function probe(options) {
  return new Promise((resolve) => {
    const req = http.get(options, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

const main = async () => {
  const server = Hapi.server({ port: 8080 });
  server.route({
    method: 'GET',
    path: '/probe',
    handler: async (request) => {
      const { service } = request.query;
      if (!Object.hasOwn(SERVICES, service)) return { service, status: 0 };
      const status = await probe({ host: SERVICES[service], port: 80, path: '/healthz' });
      return { service, status };
    },
  });
  await server.start();
};

main();
