const Hapi = require('@hapi/hapi');
const Wreck = require('@hapi/wreck');
const xmlEscape = require('xml-escape');

const ERP_URL = process.env.ERP_URL || 'https://erp.internal.example/stock';

const start = async () => {
  const server = Hapi.server({ port: 3000 });
  server.route({
    method: 'POST',
    path: '/stock/adjust',
    handler: async (request) => {
      const { sku, qty, reason } = request.payload;
      const body = `<adjustment><sku>${xmlEscape(String(sku))}</sku><qty>${Number(qty)}</qty><reason>${xmlEscape(String(reason))}</reason></adjustment>`;
      const { payload } = await Wreck.post(ERP_URL, { payload: body, headers: { 'content-type': 'application/xml' } });
      return { accepted: payload.toString().includes('<status>OK</status>') };
    },
  });
  await server.start();
};

start();
