import Fastify from 'fastify';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import validator from 'validator';

const run = promisify(execFile);
const app = Fastify();

app.post<{ Body: { target: string } }>('/tools/discover', async (request, reply) => {
  const { target } = request.body;
  if (!validator.isIP(String(target))) return reply.code(400).send({ error: 'target must be an IP address' });
  const { stdout } = await run('nmap', ['-sn', '-oG', '-', target]);
  return { report: stdout };
});

app.listen({ port: 4000 });
