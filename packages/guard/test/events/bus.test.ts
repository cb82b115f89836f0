import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { SecurityEvent } from '@rampart/core';
import { pino } from 'pino';
import { createEventBus, MemorySink, redactValue, type EventInput, type EventSink } from '../../src/events/index.js';

const input: EventInput = {
  kind: 'attack',
  practice: 1,
  rule: 'sql-injection',
  action: 'blocked',
  severity: 'critical',
  message: "SQL injection blocked in query parameter 'id'",
  requestId: 'req-1',
  ip: '203.0.113.5',
  method: 'GET',
  route: '/orders/:id',
  attack: { payload: "1' OR '1'='1", source: 'query.id', sink: 'pg.query' },
};

function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info', timestamp: pino.stdTimeFunctions.isoTime }, stream), lines };
}

describe('emit', () => {
  it('adds id and time, delivers to subscribers and the default memory sink', async () => {
    const sink = new MemorySink(10);
    const bus = createEventBus({ sinks: [sink], logger: false });
    const seen: SecurityEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    const event = bus.emit(input);
    assert.match(event.id, /^[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(event.time)));
    assert.equal(seen[0], event);
    assert.equal(sink.size, 0, 'sinks are written on a later turn, not inside emit');
    await bus.flush();
    assert.deepEqual(sink.recent(1), [event]);
    await bus.close();
  });

  it('writes one pino JSON line with time, request id, IP, route, practice, rule and action', async () => {
    const { logger, lines } = captureLogger();
    const bus = createEventBus({ sinks: [], logger });
    const event = bus.emit(input);
    await bus.close();
    assert.equal(lines.length, 1);
    const line = lines[0];
    assert.equal(line.level, 50, 'critical events log at error level');
    assert.ok(typeof line.time === 'string' && !Number.isNaN(Date.parse(line.time as string)));
    assert.equal(line.requestId, 'req-1');
    assert.equal(line.ip, '203.0.113.5');
    assert.equal(line.route, '/orders/:id');
    assert.equal(line.practice, 1);
    assert.equal(line.rule, 'sql-injection');
    assert.equal(line.action, 'blocked');
    assert.equal(line.eventId, event.id);
    assert.equal(line.msg, input.message);
  });

  it('never throws: a throwing subscriber, a throwing sink and a hostile input object', async () => {
    const failing: EventSink = {
      name: 'broken',
      write() {
        throw new Error('disk full');
      },
    };
    const sink = new MemorySink(10);
    const bus = createEventBus({ sinks: [failing, sink], logger: false, metrics: true });
    bus.subscribe(() => {
      throw new Error('listener bug');
    });
    const hostile = { ...input, details: {} } as Record<string, unknown>;
    Object.defineProperty(hostile, 'details', {
      enumerable: true,
      get() {
        throw new Error('getter bomb');
      },
    });
    assert.doesNotThrow(() => bus.emit(input));
    assert.doesNotThrow(() => bus.emit(hostile as unknown as EventInput));
    await bus.flush();
    assert.equal(sink.size, 2, 'a broken sink does not stop the others');
    assert.equal(bus.stats().failed.broken, 2);
    assert.match(await bus.metrics!.registry.getSingleMetricAsString('rampart_events_dropped_total'), /sink="broken"} 2/);
    await bus.close();
  });

  it('a sink that never answers costs bounded memory: one write in flight, oldest events dropped and counted', async () => {
    let writes = 0;
    const stuck: EventSink = {
      name: 'stuck',
      write() {
        writes++;
        return new Promise(() => {});
      },
    };
    const bus = createEventBus({ sinks: [stuck], logger: false, maxQueue: 100, metrics: true });
    for (let i = 0; i < 1000; i++) bus.emit({ ...input, message: `event ${i}` });
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 1000; i++) bus.emit({ ...input, message: `event ${i}` });
    assert.equal(writes, 1, 'one write in flight per sink');
    // 2000 emitted, 1 handed over, at most 100 queued: the rest were dropped oldest-first.
    assert.equal(bus.stats().dropped.stuck, 2000 - 1 - 100);
    assert.match(await bus.metrics!.registry.getSingleMetricAsString('rampart_events_dropped_total'), /sink="stuck"} 1899/);
    await bus.flush(50);
  });

  it('batches for sinks with writeBatch', async () => {
    const batches: number[] = [];
    const batching: EventSink = {
      write() {
        throw new Error('writeBatch should be used');
      },
      async writeBatch(events) {
        batches.push(events.length);
      },
    };
    const bus = createEventBus({ sinks: [batching], logger: false, batchSize: 40 });
    for (let i = 0; i < 100; i++) bus.emit(input);
    await bus.flush();
    assert.deepEqual(batches, [40, 40, 20]);
  });

  it('counts events by kind, practice, rule and action', async () => {
    const bus = createEventBus({ sinks: [], logger: false, metrics: true });
    bus.emit(input);
    bus.emit(input);
    const text = await bus.metrics!.registry.getSingleMetricAsString('rampart_security_events_total');
    assert.match(text, /rampart_security_events_total\{kind="attack",practice="1",rule="sql-injection",action="blocked"} 2/);
  });
});

describe('the default stdout logger', () => {
  it('keeps the last events when the process exits right after emitting (async stdout, flushed at exit)', () => {
    const bus = fileURLToPath(new URL('../../src/events/index.ts', import.meta.url));
    const script = `
      import { createEventBus } from ${JSON.stringify(bus)};
      const events = createEventBus({ sinks: [] });
      for (let i = 0; i < 500; i++) events.emit({ kind: 'error', practice: 3, rule: 'crash', action: 'logged', severity: 'high', message: 'line ' + i });
      process.exit(1);`;
    const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 500, r.stderr);
    assert.equal(lines[499].msg, 'line 499');
    assert.equal(lines[0].component, 'rampart-guard');
  });
});

describe('redaction', () => {
  it('redacts secret-looking fields and values in details, the message and the attack payload', async () => {
    const sink = new MemorySink();
    const bus = createEventBus({ sinks: [sink], logger: false });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const event = bus.emit({
      ...input,
      message: `login with Authorization: Bearer ${jwt}`,
      attack: { payload: `token=${jwt}` },
      details: {
        password: 'hunter2',
        user: { apiKey: 'k-123', dbPassword: 'pw', name: 'alice' },
        headers: { authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': 'abc' },
        url: 'postgres://app:s3cret@db.internal/prod',
        note: 'AKIAIOSFODNN7EXAMPLE was used',
      },
    });
    const json = JSON.stringify(event);
    for (const secret of ['hunter2', 'k-123', '"pw"', jwt, 'dXNlcjpwYXNz', '"abc"', 's3cret', 'AKIAIOSFODNN7EXAMPLE']) {
      assert.ok(!json.includes(secret), `${secret} leaked: ${json}`);
    }
    assert.equal((event.details!.user as Record<string, unknown>).name, 'alice', 'ordinary fields stay');
    await bus.close();
  });

  it('bounds size and depth without recursion: 100k nested levels, long strings, cycles', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep.next = {}) as Record<string, unknown>;
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const out = redactValue({ root, cyclic, long: 'x'.repeat(100_000), many: Array.from({ length: 1000 }, (_, i) => i) }) as Record<string, unknown>;
    assert.ok(JSON.stringify(out).length < 10_000);
    assert.equal((out.cyclic as Record<string, unknown>).self, '[…]');
    assert.equal((out.many as unknown[]).length, 50);
  });

  it('cuts the attack payload to 200 characters', () => {
    const bus = createEventBus({ sinks: [], logger: false });
    const event = bus.emit({ ...input, attack: { payload: 'A'.repeat(5000) } });
    assert.ok(event.attack!.payload.length <= 200 + '…[truncated]'.length);
  });
});

describe('MemorySink', () => {
  it('is a bounded ring readable by cursor', async () => {
    const sink = new MemorySink(3);
    const bus = createEventBus({ sinks: [sink], logger: false });
    for (let i = 0; i < 5; i++) bus.emit({ ...input, message: `m${i}` });
    await bus.flush();
    assert.equal(sink.size, 3);
    assert.deepEqual(sink.recent(10).map((e) => e.message), ['m4', 'm3', 'm2']);
    const first = await sink.read(undefined, 2);
    assert.deepEqual(first.events.map((e) => e.message), ['m2', 'm3']);
    const next = await sink.read(first.cursor, 10);
    assert.deepEqual(next.events.map((e) => e.message), ['m4']);
    const none = await sink.read(next.cursor, 10);
    assert.deepEqual(none, { events: [], cursor: next.cursor });
    const latest = await sink.latest(2);
    assert.deepEqual(latest.events.map((e) => e.message), ['m3', 'm4']);
    assert.equal(latest.cursor, next.cursor);
    assert.deepEqual(await new MemorySink().latest(), { events: [], cursor: undefined });
  });
});

describe('setup errors', () => {
  it('refuses unknown options and sinks without write()', () => {
    assert.throws(() => createEventBus({ sink: [] } as never), /unknown option 'sink'/);
    assert.throws(() => createEventBus({ sinks: [{} as EventSink] }), /write\(event\)/);
    assert.throws(() => new MemorySink(0), /capacity/);
  });
});
