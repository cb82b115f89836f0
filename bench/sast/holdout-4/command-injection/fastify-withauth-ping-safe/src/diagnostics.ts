import type { FastifyInstance } from 'fastify';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { withAuth } from './with-auth';

const run = promisify(execFile);

export async function diagnostics(app: FastifyInstance) {
  app.get(
    '/diag/ping',
    withAuth(async (request) => {
      const { host } = request.query as { host: string };
      const { stdout } = await run('ping', ['-c', '1', '-W', '2', '--', host]);
      return { reachable: /1 received/.test(stdout) };
    }),
  );
}
