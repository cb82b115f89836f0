import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { SecurityEvent } from '@rampart/core';
import { createEventBus, PostgresSink, RedisStreamSink, type EventInput, type EventReader, type EventSink } from '../../src/events/index.js';
import { POSTGRES_URL, REDIS_URL, requireService, uniqueName } from '../rate-limit/services.js';

const cleanup: Array<() => Promise<unknown>> = [];
after(async () => {
  for (const f of cleanup.reverse()) await f().catch(() => undefined);
});

function sample(i: number): EventInput {
  return {
    kind: i % 2 ? 'rate-limit' : 'attack',
    practice: i % 2 ? 3 : 1,
    rule: i % 2 ? 'rate-limit-ip' : 'sql-injection',
    action: i % 2 ? 'limited' : 'blocked',
    severity: i % 2 ? 'low' : 'critical',
    message: `event ${i} \u0000 with a NUL, a typed \\u0000 and ünïcode`,
    requestId: `req-${i}`,
    ip: '2001:db8::1',
    route: '/orders/:id',
    ...(i % 2
      ? { details: { limit: 10, nested: { password: 'hunter2', ok: true }, 'key\u0000with-nul': 'v\u0000', ['lone\ud800']: 'x\udc00y' } }
      : { attack: { payload: `' OR 1=1 -- ${JSON.parse('"\\ud800"')}`, source: 'query.id' } }),
  };
}

/** The same contract for every shared sink: write through the bus, read everything back in order by cursor. */
async function roundTrip(sink: EventSink & EventReader) {
  const bus = createEventBus({ sinks: [sink], logger: false, batchSize: 7 });
  const emitted: SecurityEvent[] = [];
  for (let i = 0; i < 25; i++) emitted.push(bus.emit(sample(i)));
  await bus.flush();
  assert.deepEqual(bus.stats().failed, { [sink.name!]: 0 });

  const read: SecurityEvent[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await sink.read(cursor, 10);
    if (page.events.length === 0) break;
    read.push(...page.events);
    cursor = page.cursor;
  }
  assert.equal(read.length, 25);
  assert.deepEqual(
    read.map((e) => e.id),
    emitted.map((e) => e.id),
  );
  const [first, second] = read;
  assert.equal(first.kind, 'attack');
  assert.match(first.attack!.payload, /^' OR 1=1 -- /);
  assert.equal(second.details?.limit, 10);
  assert.equal((second.details?.nested as Record<string, unknown>).password, '[REDACTED]');
  assert.equal(Date.parse(first.time), Date.parse(emitted[0].time));
  assert.match(first.message, /ünïcode/);
  // A typed backslash-u0000 survives as text in every sink; a real NUL survives where the store can hold it.
  assert.ok(first.message.includes('a typed \\u0000 and'), first.message);
  const after = await sink.read(cursor, 10);
  assert.deepEqual(after.events, []);
  assert.equal(after.cursor, cursor);
  const latest = await sink.latest(5);
  assert.deepEqual(
    latest.events.map((e) => e.id),
    emitted.slice(-5).map((e) => e.id),
  );
  assert.equal(latest.cursor, cursor, 'latest() ends at the same cursor read() reached');
  await bus.close();
}

describe('RedisStreamSink (real Redis)', () => {
  it('XADDs every event with MAXLEN ~ and reads them back by stream id', async (t) => {
    if (!(await requireService(t, 'Redis', REDIS_URL))) return;
    const client = new Redis(REDIS_URL);
    const stream = uniqueName('rampart_test_events');
    cleanup.push(() => client.quit(), () => client.del(stream));
    await roundTrip(new RedisStreamSink({ client, stream }));
  });

  it('trims the stream approximately to maxLen', async (t) => {
    if (!(await requireService(t, 'Redis', REDIS_URL))) return;
    const client = new Redis(REDIS_URL);
    const stream = uniqueName('rampart_test_events');
    cleanup.push(() => client.quit(), () => client.del(stream));
    const bus = createEventBus({ sinks: [new RedisStreamSink({ client, stream, maxLen: 100 })], logger: false });
    for (let i = 0; i < 2000; i++) bus.emit(sample(i));
    await bus.flush();
    const length = await client.xlen(stream);
    assert.ok(length >= 100 && length < 400, `stream length ${length}`);
  });

  it('a dead Redis costs counted drops, not errors', async () => {
    const sink = new RedisStreamSink({ url: 'redis://127.0.0.1:1' });
    const bus = createEventBus({ sinks: [sink], logger: false });
    for (let i = 0; i < 5; i++) bus.emit(sample(i));
    await bus.flush();
    assert.equal(bus.stats().failed['redis-stream'], 5);
    await bus.close();
    assert.throws(() => new RedisStreamSink({} as never), /exactly one of `client`/);
  });
});

describe('PostgresSink (real PostgreSQL)', () => {
  it('creates its table, inserts in batches and reads back by sequence', async (t) => {
    if (!(await requireService(t, 'PostgreSQL', POSTGRES_URL))) return;
    const table = uniqueName('rampart_test_events');
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
    cleanup.push(() => pool.end(), () => pool.query(`DROP TABLE IF EXISTS "${table}"`));
    await roundTrip(new PostgresSink({ pool, table }));
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${table}" WHERE practice = 3 AND ip = '2001:db8::1'`);
    assert.equal(rows[0].n, 12);
  });

  it('opens its own pool from a connection string (pg loaded on demand) and ends it on close', async (t) => {
    if (!(await requireService(t, 'PostgreSQL', POSTGRES_URL))) return;
    const table = uniqueName('rampart_test_events');
    const admin = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
    cleanup.push(() => admin.end(), () => admin.query(`DROP TABLE IF EXISTS "${table}"`));
    const sink = new PostgresSink({ connectionString: POSTGRES_URL, table });
    const bus = createEventBus({ sinks: [sink], logger: false });
    bus.emit(sample(1));
    await bus.close();
    const { rows } = await admin.query(`SELECT rule, details FROM "${table}"`);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].rule, 'rate-limit-ip');
  });

  it('instances starting together both create-if-missing the same table without losing a batch', async (t) => {
    if (!(await requireService(t, 'PostgreSQL', POSTGRES_URL))) return;
    const table = uniqueName('rampart_test_events');
    const pools = [0, 1, 2, 3].map(() => new pg.Pool({ connectionString: POSTGRES_URL, max: 1 }));
    cleanup.push(async () => {
      await pools[0].query(`DROP TABLE IF EXISTS "${table}"`);
      await Promise.all(pools.map((p) => p.end()));
    });
    // Connected first, so the four CREATE TABLE IF NOT EXISTS really run at the same moment
    // (PostgreSQL then fails all but one with 23505 on pg_type).
    await Promise.all(pools.map((p) => p.query('SELECT 1')));
    const bus = createEventBus({ logger: false, sinks: [] });
    const events = [0, 1, 2, 3].map((i) => bus.emit(sample(i)));
    await Promise.all(pools.map((pool, i) => new PostgresSink({ pool, table }).writeBatch([events[i]])));
    const { rows } = await pools[0].query(`SELECT count(*)::int AS n FROM "${table}"`);
    assert.equal(rows[0].n, 4);
  });

  it('refuses table names that are not plain identifiers', () => {
    assert.throws(() => new PostgresSink({ connectionString: POSTGRES_URL, table: 'events; DROP TABLE users' }), /plain identifier/);
    assert.throws(() => new PostgresSink({ connectionString: POSTGRES_URL, table: 'a.b.c' }), /plain identifier/);
  });

  it('a database that is down costs counted drops, not errors', async () => {
    const sink = new PostgresSink({ connectionString: 'postgres://postgres@127.0.0.1:1/test', table: 'x' });
    const bus = createEventBus({ sinks: [sink], logger: false });
    bus.emit(sample(0));
    await bus.flush();
    assert.equal(bus.stats().failed.postgres, 1);
    await bus.close();
  });
});
