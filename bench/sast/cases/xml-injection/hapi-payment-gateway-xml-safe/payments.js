'use strict';
const Hapi = require('@hapi/hapi');
const { request } = require('undici');
const xmlEscape = require('xml-escape');

const GATEWAY_URL = process.env.GATEWAY_URL || 'https://gateway.example/api/charge';

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'POST',
  path: '/checkout/{orderId}/pay',
  handler: async (req, h) => {
    const order = await req.server.methods.loadOrder(req.params.orderId);
    const { reference = '' } = req.payload;
    const result = await request(GATEWAY_URL, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: `<Charge><Amount>${order.totalCents}</Amount><Currency>EUR</Currency><Reference>${xmlEscape(String(reference))}</Reference></Charge>` });
    return h.response({ status: result.statusCode === 200 ? 'paid' : 'failed' });
  },
});

server.start();
