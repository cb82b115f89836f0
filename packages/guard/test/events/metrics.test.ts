import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { Registry } from 'prom-client';
import { createEventBus, createMetrics, metricsHandler, serveMetrics } from '../../src/events/index.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const servers: Server[] = [];
after(() => servers.forEach((s) => s.close()));

function listen(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/metrics behind a bearer token', () => {
  it('answers Prometheus text with the right token only', async () => {
    const bus = createEventBus({ sinks: [], logger: false, metrics: true });
    bus.emit({ kind: 'rate-limit', practice: 3, rule: 'rate-limit-ip', action: 'limited', severity: 'low', message: 'limited' });
    const done = bus.metrics!.startRequestTimer('GET');
    done('/orders/:id', 200);
    const handler = metricsHandler({ token: TOKEN, metrics: bus.metrics! });
    const port = await listen((req, res) => (req.url === '/metrics' ? handler(req, res) : res.writeHead(404).end()));

    const ok = await get(port, '/metrics', { Authorization: `Bearer ${TOKEN}` });
    assert.equal(ok.status, 200);
    assert.match(String(ok.headers['content-type']), /text\/plain/);
    assert.match(ok.body, /rampart_security_events_total\{kind="rate-limit",practice="3",rule="rate-limit-ip",action="limited"} 1/);
    assert.match(ok.body, /rampart_http_request_duration_seconds_count\{method="GET",route="\/orders\/:id",status="200"} 1/);

    for (const headers of [{} as Record<string, string>, { Authorization: `Bearer ${TOKEN.slice(0, -1)}` }, { Authorization: `Bearer ${TOKEN}x` }, { Authorization: TOKEN }, { Authorization: `Basic ${TOKEN}` }]) {
      const refused = await get(port, '/metrics', headers);
      assert.equal(refused.status, 401, JSON.stringify(headers));
      assert.doesNotMatch(refused.body, /rampart_/);
      assert.equal(refused.headers['www-authenticate'], 'Bearer realm="metrics"');
    }
    assert.equal((await get(port, '/metrics', { Authorization: `Bearer ${TOKEN}` }, 'POST')).status, 405);
  });

  it('refuses to build an open handler by accident, and short tokens', () => {
    const metrics = createMetrics();
    assert.throws(() => metricsHandler({ metrics }), /`token` is required.*serveMetrics/);
    assert.throws(() => metricsHandler({ metrics, token: 'short' }), /at least 16 characters/);
    assert.throws(() => metricsHandler({} as never), /`metrics` is required/);
  });

  it('serveMetrics serves them on a separate loopback port', async () => {
    const metrics = createMetrics();
    metrics.rateLimitDecisions.inc({ limiter: 'api', decision: 'limited' });
    const server = await serveMetrics({ metrics, port: 0 });
    servers.push(server);
    const address = server.address() as AddressInfo;
    assert.equal(address.address, '127.0.0.1');
    const res = await get(address.port, '/metrics');
    assert.equal(res.status, 200);
    assert.match(res.body, /rampart_rate_limit_decisions_total\{limiter="api",decision="limited"} 1/);
    assert.equal((await get(address.port, '/')).status, 404);
  });

  it('caps distinct route labels, so raw paths from clients cannot create series without bound', async () => {
    const metrics = createMetrics(undefined, { maxRoutes: 3 });
    for (let i = 0; i < 1000; i++) metrics.startRequestTimer(i % 2 ? 'GET' : 'BREW')(`/orders/${i}`, 200);
    const text = await metrics.registry.getSingleMetricAsString('rampart_http_request_duration_seconds');
    const series = new Set([...text.matchAll(/_count\{([^}]*)}/g)].map((m) => m[1]));
    assert.equal(series.size, 3 + 2, [...series].join(' | '));
    assert.match(text, /_count\{method="OTHER",route="\/orders\/0",status="200"} 1/);
    assert.match(text, /_count\{method="GET",route="other",status="200"} 499/);
    assert.throws(() => createMetrics(undefined, { maxRoutes: 0 }), /maxRoutes/);
  });

  it('shares metrics when two buses use one registry instead of throwing "already registered"', () => {
    const registry = new Registry();
    const a = createMetrics(registry);
    const b = createMetrics(registry);
    assert.equal(a.events, b.events);
  });
});
