'use strict';
const Hapi = require('@hapi/hapi');
const Database = require('better-sqlite3');

const db = new Database('inventory.db', { readonly: true });

const init = async () => {
  const server = Hapi.server({ port: 4000, host: 'localhost' });

  server.route({
    method: 'GET',
    path: '/stock/{sku}',
    handler: (request, h) => {
      const sku = request.params.sku;
      const row = db.prepare(`SELECT sku, quantity FROM stock WHERE sku = '${sku}'`).get(); // expect: sql-injection
      return row ?? h.response({ error: 'unknown sku' }).code(404);
    },
  });

  await server.start();
};

init();
