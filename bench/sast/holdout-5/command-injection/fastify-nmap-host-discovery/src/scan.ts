import Fastify from 'fastify';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(exec);
const app = Fastify();

app.post<{ Body: { target: string } }>('/tools/discover', async (request, reply) => {
  const { target } = request.body;
  const { stdout } = await run(`nmap -sn -oG - ${target}`); // expect: command-injection
  return { report: stdout };
});

app.listen({ port: 4000 });
