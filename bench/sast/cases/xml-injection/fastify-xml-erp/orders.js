const fastify = require('fastify')();

const ERP_URL = 'https://erp.internal/api/orders';

fastify.post('/orders/:id/note', async (request, reply) => {
  const { note } = request.body;
  const xml = '<?xml version="1.0"?><orderUpdate><id>' + Number(request.params.id) + '</id><note>' + note + '</note><status>open</status></orderUpdate>';
  const erp = await fetch(ERP_URL, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml }); // expect: xml-injection
  return reply.code(erp.ok ? 204 : 502).send();
});

fastify.listen({ port: 3000 });
