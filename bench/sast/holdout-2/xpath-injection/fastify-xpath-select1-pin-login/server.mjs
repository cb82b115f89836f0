import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const staff = new DOMParser().parseFromString(readFileSync(new URL('./staff.xml', import.meta.url), 'utf8'), 'text/xml');
const fastify = Fastify();

fastify.post('/kiosk/login', async (request, reply) => {
  const name = String(request.body?.name ?? '');
  const pin = String(request.body?.pin ?? '');
  const user = xpath.select1(`/staff/member[@name='${name}' and @pin='${pin}']`, staff); // expect: xpath-injection
  if (!user) {
    return reply.code(401).send({ error: 'wrong name or pin' });
  }
  return { name: user.getAttribute('name'), role: user.getAttribute('role') };
});

await fastify.listen({ port: 3000 });
