const Hapi = require('@hapi/hapi');
const doT = require('dot');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/receipts/preview',
    handler: (request) => {
      const { template, customer } = request.payload;
      const render = doT.template(template); // expect: template-injection
      return { text: render({ customer: String(customer), total: '0.00' }) };
    },
  });
  await server.start();
};

init();
