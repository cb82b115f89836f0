import Fastify from 'fastify';
import { audit } from './audit.mjs';

const app = Fastify();

app.get('/reports/:id', async (request) => {
  const id = Number(request.params.id);
  await audit(`report ${id} downloaded, reason:`, request.query.reason ?? 'none');
  return { id };
});

await app.listen({ port: 3000 });
