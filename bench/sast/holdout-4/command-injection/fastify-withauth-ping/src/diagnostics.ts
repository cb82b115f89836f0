import type { FastifyInstance } from 'fastify';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { withAuth } from './with-auth';

const run = promisify(exec);

export async function diagnostics(app: FastifyInstance) {
  app.get(
    '/diag/ping',
    withAuth(async (request) => {
      const { host } = request.query as { host: string };
      const { stdout } = await run(`ping -c 1 -W 2 ${host}`); // expect: command-injection
      return { reachable: /1 received/.test(stdout) };
    }),
  );
}
