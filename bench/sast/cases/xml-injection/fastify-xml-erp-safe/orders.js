const fastify = require('fastify')();
const { create } = require('xmlbuilder2');

const ERP_URL = 'https://erp.internal/api/orders';

fastify.post('/orders/:id/note', async (request, reply) => {
  const { note } = request.body;
  const xml = create({ version: '1.0' }).ele('orderUpdate').ele('id').txt(String(Number(request.params.id))).up().ele('note').txt(String(note)).up().ele('status').txt('open').end();
  const erp = await fetch(ERP_URL, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
  return reply.code(erp.ok ? 204 : 502).send();
});

fastify.listen({ port: 3000 });
