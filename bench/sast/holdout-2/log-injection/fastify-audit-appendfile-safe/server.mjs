import Fastify from 'fastify';
import { appendFile } from 'node:fs/promises';
import { buildReport } from './reports.mjs';

const AUDIT_LOG = '/var/log/reports/audit.log';
const fastify = Fastify();

fastify.post('/reports/export', async (request, reply) => {
  const name = String(request.body?.reportName ?? 'unnamed').replace(/[\r\n"]/g, ' ');
  const report = await buildReport(name);
  await appendFile(AUDIT_LOG, `${new Date().toISOString()} export report="${name}" ip=${request.ip}\n`);
  return reply.type('text/csv').send(report);
});

await fastify.listen({ port: 3000 });
