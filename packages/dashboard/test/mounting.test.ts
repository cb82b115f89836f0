/**
 * dashboardHandler mounted under /rampart/ inside an app, the way docs/dashboard.md shows it for
 * Express, Fastify, Koa and node:http: the page and API answer under the prefix, the prefix without
 * its slash redirects, and the app's own routes still answer.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { MemorySink } from '@rampart/guard';
import { dashboardHandler, memorySource, type DashboardHandler } from '@rampart/dashboard';

const TOKEN = 'mounting-test-token-4c1e9a7f';
const sink = new MemorySink();
sink.write({ id: 'e1', time: new Date().toISOString(), kind: 'attack', practice: 1, rule: 'sql-injection', action: 'blocked', severity: 'high', message: 'blocked' });
const dashboard = (): DashboardHandler => dashboardHandler({ source: memorySource(sink), token: TOKEN, basePath: '/rampart/' });

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const apps: Record<string, () => Promise<{ base: string; close(): Promise<unknown> }>> = {
  async express() {
    const app = express();
    app.use(dashboardHandler({ source: memorySource(sink), token: TOKEN, basePath: '/rampart/' }));
    app.get('/hello', (_req, res) => void res.send('app'));
    const server = createServer(app);
    return { base: await listen(server), close: () => new Promise((r) => server.close(r)) };
  },
  async fastify() {
    const app = Fastify();
    const dash = dashboard();
    app.all('/rampart', (req, reply) => {
      reply.hijack();
      dash(req.raw, reply.raw);
    });
    app.all('/rampart/*', (req, reply) => {
      reply.hijack();
      dash(req.raw, reply.raw);
    });
    app.get('/hello', async () => 'app');
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
  },
  async koa() {
    const app = new Koa();
    const dash = dashboard();
    app.use(async (ctx, next) => {
      if (ctx.path !== '/rampart' && !ctx.path.startsWith('/rampart/')) return next();
      ctx.respond = false;
      dash(ctx.req, ctx.res);
    });
    app.use(async (ctx) => {
      if (ctx.path === '/hello') ctx.body = 'app';
    });
    const server = createServer(app.callback());
    return { base: await listen(server), close: () => new Promise((r) => server.close(r)) };
  },
  async 'node:http'() {
    const dash = dashboard();
    const server = createServer((req, res) =>
      dash(req, res, () => {
        res.writeHead(req.url === '/hello' ? 200 : 404).end(req.url === '/hello' ? 'app' : '');
      }),
    );
    return { base: await listen(server), close: () => new Promise((r) => server.close(r)) };
  },
};

describe('dashboardHandler mounted under /rampart/', () => {
  const open: { close(): Promise<unknown> }[] = [];
  after(async () => {
    for (const app of open) await app.close();
  });
  for (const [name, start] of Object.entries(apps)) {
    test(name, async () => {
      const app = await start();
      open.push(app);
      const page = await fetch(`${app.base}/rampart/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>Rampart dashboard<\/title>/);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const js = await fetch(`${app.base}/rampart/app.js`);
      assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
      const redirect = await fetch(`${app.base}/rampart`, { redirect: 'manual' });
      assert.equal(redirect.status, 308);
      assert.equal(redirect.headers.get('location'), '/rampart/');
      assert.equal((await fetch(`${app.base}/rampart/api/events`)).status, 401);
      const events = await fetch(`${app.base}/rampart/api/events`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.deepEqual(((await events.json()) as { events: { id: string }[] }).events.map((e) => e.id), ['e1']);
      const own = await fetch(`${app.base}/hello`);
      assert.equal(own.status, 200);
      assert.equal(await own.text(), 'app');
    });
  }

  test('a basePath without its slashes is a setup error that shows the form', () => {
    assert.throws(() => dashboardHandler({ source: memorySource(sink), basePath: 'rampart' }), /starts and ends with '\/'/);
    assert.throws(() => dashboardHandler({ source: memorySource(sink), basePath: '/a b/' }), /basePath/);
  });
});
