'use strict';
const Hapi = require('@hapi/hapi');
const { applyFilter } = require('./report-filter');
const { fetchOrders } = require('./orders');

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'GET',
  path: '/reports/orders',
  handler: async (request) => {
    const rows = await fetchOrders();
    return applyFilter(rows, request.query.where);
  },
});

server.start();
