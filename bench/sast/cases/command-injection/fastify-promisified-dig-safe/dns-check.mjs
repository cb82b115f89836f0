import Fastify from 'fastify';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const execAsync = promisify(exec);
const app = Fastify();

app.get('/tools/txt-records', async (request, reply) => {
  const domain = String(request.query.domain ?? '').toLowerCase();
  if (!/^(?!-)[a-z0-9-]{1,63}(\.(?!-)[a-z0-9-]{1,63})+$/.test(domain)) {
    return reply.code(400).send({ error: 'domain required' });
  }
  const { stdout } = await execAsync(`dig +short ${domain} TXT`, { timeout: 5000 });
  return { domain, records: stdout.split('\n').filter(Boolean) };
});

await app.listen({ port: 3000 });
