import Fastify from 'fastify';
import { setPath } from './set-path.mjs';

const app = Fastify();
const draft = { title: '', meta: { tags: [] } };

app.post('/drafts/field', async (request) => {
  const { path, value } = request.query;
  setPath(draft, path, value);
  return { ok: true };
});

await app.listen({ port: 3000 });
