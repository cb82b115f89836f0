import validator from 'validator';
import { lookupRecords } from '../lib/dig.mjs';

export default async function dnsRoutes(fastify) {
  fastify.get('/tools/dns', async (request, reply) => {
    const host = request.query.host;
    if (!host || !validator.isFQDN(host)) return reply.code(400).send({ error: 'a host name is required' });
    const answer = await lookupRecords(host, 'A');
    return { host, answer };
  });
}
