/** rampart({ events, metrics }): refusals reach a bus you built, and requests are timed in Prometheus. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEventBus, MemorySink } from '@rampart/guard';
import { check, guardedApp, settle } from './helpers/check.ts';

describe('events and metrics wiring', () => {
  it('emits through an EventBus you pass, and leaves it open on close()', async () => {
    const sink = new MemorySink();
    const bus = createEventBus({ sinks: [sink], logger: false });
    const app = await guardedApp('fastify', { events: bus });
    await check(app, { path: '/query?user[$ne]=1', headers: { 'x-request-id': 'ev-1' } });
    await check(app, { path: '/user', headers: { 'x-request-id': 'ev-2' } });
    await app.close();
    await settle();
    const events = sink.recent(10);
    const operator = events.find((e) => e.rule === 'operator-key');
    assert.ok(operator);
    assert.equal(operator.requestId, 'ev-1');
    assert.equal(operator.kind, 'validation');
    assert.equal(operator.practice, 1);
    assert.equal(operator.action, 'rejected');
    assert.equal(operator.method, 'GET');
    assert.equal(operator.route, '/query');
    assert.equal(operator.ip, '127.0.0.1');
    assert.ok(events.some((e) => e.rule === 'denied-field' && e.requestId === 'ev-2'));
    // Still usable: the guard did not close a bus it did not create.
    bus.emit({ kind: 'config', practice: 6, rule: 'still-open', action: 'logged', severity: 'info', message: 'open' });
    await settle();
    assert.ok(sink.recent(20).some((e) => e.rule === 'still-open'));
    await bus.close();
  });

  it('times requests and counts events in Prometheus with metrics: true', async () => {
    const app = await guardedApp('express5', { metrics: true });
    try {
      await check(app, { path: '/hello' });
      await check(app, { path: '/query?a[__proto__]=1' });
      await settle();
      const guard = app.guard as unknown as { events: { metrics?: { registry: { metrics(): Promise<string> } } } };
      const text = await guard.events.metrics!.registry.metrics();
      assert.match(text, /rampart_http_request_duration_seconds_count\{[^}]*status="200"[^}]*\} 1/);
      assert.match(text, /rampart_security_events_total\{[^}]*rule="prototype-key"[^}]*\} 1/);
    } finally {
      await app.close();
    }
  });
});
