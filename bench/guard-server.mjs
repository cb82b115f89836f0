#!/usr/bin/env node
// One HTTP server for bench/guard.mjs, in its own process: `guard-server.mjs <variant>` prints
// "PORT <n>" and serves GET /hello -> {"hello":"world"} until killed.
import express from 'express';
import rateLimit from 'express-rate-limit';
import Fastify from 'fastify';
import helmet from 'helmet';

const GUARD = new URL('../packages/guard/dist/index.js', import.meta.url).href;
// Limits no benchmark client reaches: the cost of counting is measured, not refusals.
const HUGE = 1_000_000_000;

async function rampartOptions() {
  // RAMPART_BENCH_OPTIONS (JSON) overrides options, to see what each feature costs.
  return { rootCheck: false, logger: false, rateLimit: { limit: HUGE, windowMs: 60_000 }, ...JSON.parse(process.env.RAMPART_BENCH_OPTIONS ?? '{}') };
}

const variants = {
  async express() {
    const app = express();
    app.get('/hello', (_req, res) => res.json({ hello: 'world' }));
    return app;
  },
  async 'express+helmet'() {
    const app = express();
    app.use(helmet());
    app.get('/hello', (_req, res) => res.json({ hello: 'world' }));
    return app;
  },
  async 'express+helmet+express-rate-limit'() {
    const app = express();
    app.use(helmet());
    app.use(rateLimit({ windowMs: 60_000, limit: HUGE, standardHeaders: 'draft-7', legacyHeaders: false }));
    app.get('/hello', (_req, res) => res.json({ hello: 'world' }));
    return app;
  },
  async 'express+rampart'() {
    const { rampart } = await import(GUARD);
    const app = express();
    // Headers, request ids, safe errors + crash guard, input checks, response filter, rate limit: all defaults on.
    app.use(rampart(await rampartOptions()));
    app.get('/hello', (_req, res) => res.json({ hello: 'world' }));
    return app;
  },
  async fastify() {
    const app = Fastify({ logger: false });
    app.get('/hello', async () => ({ hello: 'world' }));
    await app.ready();
    return app;
  },
  async 'fastify+rampart'() {
    const { rampart } = await import(GUARD);
    const app = Fastify({ logger: false });
    await app.register(rampart.fastify(await rampartOptions()));
    app.get('/hello', async () => ({ hello: 'world' }));
    await app.ready();
    return app;
  },
};

const name = process.argv[2];
if (!variants[name]) {
  console.error(`guard-server: unknown variant ${name}; known: ${Object.keys(variants).join(', ')}`);
  process.exit(2);
}
const app = await variants[name]();
if (typeof app.listen === 'function' && app.server) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`PORT ${app.server.address().port}\n`);
} else {
  const server = app.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`));
}
// bench/guard.mjs asks for the server's own CPU time around each load (over IPC when it has one).
if (process.send) process.on('message', (m) => m === 'cpu' && process.send({ cpu: process.cpuUsage() }));
// A clean exit on signals, so `--cpu-prof` can write its profile when the bench stops the server.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
