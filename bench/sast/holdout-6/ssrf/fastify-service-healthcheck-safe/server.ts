import Fastify from 'fastify';
import { probe } from './probe';

const app = Fastify();

app.get<{ Querystring: { host: string; port: string } }>('/status/probe', async (request) => {
  const { host, port } = request.query;
  return { up: await probe(host, port) };
});

app.listen({ port: 3000 });
