const Hapi = require('@hapi/hapi');
const doT = require('dot');

const RECEIPT = doT.template('Thank you, {{!it.customer}}. Total: {{!it.total}}');

const init = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/receipts/preview',
    handler: (request) => {
      const { template, customer } = request.payload;
      const render = RECEIPT;
      return { text: render({ customer: String(customer), total: '0.00' }), customTemplate: typeof template === 'string' };
    },
  });
  await server.start();
};

init();
