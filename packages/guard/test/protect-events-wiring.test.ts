/**
 * An attack blocked at a sink (runtime protection) becomes an event on the rampart() bus, next
 * to the guard's own events, with the request id the response carries. One process: protection is
 * installed in this test's own process (node:test runs each file in its own).
 */
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { createEventBus, MemorySink, rampart } from '@rampart/guard';
import { installProtection } from '@rampart/guard/protect';

describe('runtime protection events reach the rampart() event bus', () => {
  it('a blocked shell injection is an attack event with the request id, route and sink', async () => {
    installProtection({ mode: 'block', log: false });
    const sink = new MemorySink();
    const bus = createEventBus({ sinks: [sink], logger: false });
    const app = express();
    app.use(rampart({ events: bus }));
    app.get('/ping', (req, res) => {
      // The classic sin: request input concatenated into a shell command.
      res.type('text').send(execSync(`echo ${String(req.query.host)}`, { encoding: 'utf8' }));
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await fetch(`${base}/ping?host=example.org`, { headers: { 'x-request-id': 'benign-1' } });
      assert.equal(ok.status, 200);
      assert.equal((await ok.text()).trim(), 'example.org');

      const attack = await fetch(`${base}/ping?host=${encodeURIComponent('x; cat /etc/passwd')}`, { headers: { 'x-request-id': 'attack-1' } });
      assert.equal(attack.status, 403);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const events = sink.recent(20).filter((e) => e.kind === 'attack');
      assert.equal(events.length, 1, JSON.stringify(sink.recent(20)));
      const [event] = events;
      assert.equal(event.requestId, 'attack-1');
      assert.equal(event.action, 'blocked');
      assert.equal(event.practice, 11);
      assert.equal(event.route, '/ping');
      assert.match(event.attack?.sink ?? '', /child_process/);
      assert.equal(event.attack?.payload, 'x; cat /etc/passwd');
      assert.match(event.attack?.frame ?? '', /protect-events-wiring\.test\.ts/);

      // Without an incoming id the guard makes one: the event carries that one, the id of the response.
      const unnamed = await fetch(`${base}/ping?host=${encodeURIComponent('y; cat /etc/passwd')}`);
      assert.equal(unnamed.status, 403);
      const responseId = unnamed.headers.get('x-request-id');
      assert.ok(responseId);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = sink.recent(20).filter((e) => e.kind === 'attack' && e.requestId !== 'attack-1');
      assert.equal(second.length, 1, JSON.stringify(sink.recent(20)));
      assert.equal(second[0].requestId, responseId);
    } finally {
      server.close();
      await bus.close();
    }
  });
});
