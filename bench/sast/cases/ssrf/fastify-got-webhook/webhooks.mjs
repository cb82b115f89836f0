import Fastify from 'fastify';
import got from 'got';

const app = Fastify();

async function ping(target, payload) {
  return got.post(target, { json: payload, timeout: { request: 3000 }, followRedirect: false }); // expect: ssrf
}

app.post('/webhooks/test', async (request) => {
  const { url } = request.body;
  const response = await ping(url, { event: 'test', sentAt: new Date().toISOString() });
  return { status: response.statusCode };
});

await app.listen({ port: 3000 });
