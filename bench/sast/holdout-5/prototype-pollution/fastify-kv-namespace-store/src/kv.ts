import Fastify from 'fastify';

type Namespace = Record<string, unknown>;
const store: Record<string, Namespace> = {};

const app = Fastify();

app.put<{ Params: { ns: string; key: string }; Body: unknown }>('/kv/:ns/:key', async (request) => {
  const { ns, key } = request.params;
  if (!store[ns]) store[ns] = {};
  store[ns][key] = request.body; // expect: prototype-pollution
  return { ok: true };
});

app.get<{ Params: { ns: string; key: string } }>('/kv/:ns/:key', async (request) => {
  const { ns, key } = request.params;
  return { value: store[ns]?.[key] ?? null };
});

app.listen({ port: 3000 });
