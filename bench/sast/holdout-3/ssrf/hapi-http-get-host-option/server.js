'use strict';

const Hapi = require('@hapi/hapi');
const http = require('node:http');

function probe(options) {
  return new Promise((resolve) => {
    const req = http.get(options, (res) => { // expect: ssrf
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
      const { host, port = 80 } = request.query;
      const status = await probe({ host, port: Number(port), path: '/healthz' });
      return { host, status };
    },
  });
  await server.start();
};

main();
