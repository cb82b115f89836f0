import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { SecurityEvent } from '@rampart/core';
import { createEventBus } from '../../src/events/index.js';
import { createRateLimiter, MemoryStore, RedisStore, type RateLimitAlgorithm } from '../../src/rate-limit/index.js';
import { REDIS_URL, requireService, uniqueName } from './services.js';

const cleanup: Array<() => Promise<unknown> | unknown> = [];
after(async () => {
  for (const f of cleanup.reverse()) await f();
});

async function deleteKeys(prefix: string) {
  const client = new Redis(REDIS_URL);
  const keys = await client.keys(`${prefix}*`);
  if (keys.length) await client.del(...keys);
  await client.quit();
}

function newStore(prefix: string) {
  const store = new RedisStore({ url: REDIS_URL, prefix });
  cleanup.push(() => store.close(), () => deleteKeys(prefix));
  return store;
}

describe('RedisStore against the real Redis', () => {
  for (const algorithm of ['fixed-window', 'sliding-window', 'token-bucket'] as RateLimitAlgorithm[]) {
    it(`${algorithm}: allows exactly the limit under 50 concurrent requests (atomic script)`, async (t) => {
      if (!(await requireService(t, 'Redis', REDIS_URL))) return;
      const limiter = createRateLimiter({ algorithm, limit: 7, windowMs: 60_000, store: newStore(`${uniqueName('rampart_test')}:`), storeTimeoutMs: 10_000 });
      const decisions = await Promise.all(Array.from({ length: 50 }, () => limiter.consume('ip:198.51.100.1')));
      assert.equal(decisions.filter((d) => d.allowed).length, 7);
      assert.ok(decisions.every((d) => d.degraded === undefined));
      const refused = decisions.find((d) => !d.allowed)!;
      assert.equal(refused.remaining, 0);
      assert.ok(refused.retryAfterSeconds >= 1);
      assert.equal((await limiter.consume('ip:198.51.100.2')).allowed, true, 'another key is unaffected');
    });
  }

  it('the Lua script decides exactly as the memory store on 3000 random steps of time and cost', async (t) => {
    if (!(await requireService(t, 'Redis', REDIS_URL))) return;
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const algorithm of ['fixed-window', 'sliding-window', 'token-bucket'] as RateLimitAlgorithm[]) {
      let now = 1_700_000_012_345;
      const memory = new MemoryStore({ now: () => now });
      const redis = new RedisStore({ url: REDIS_URL, prefix: `${uniqueName('rampart_test')}:`, now: () => now });
      cleanup.push(() => redis.close(), () => deleteKeys(redis.prefix));
      for (let i = 0; i < 1000; i++) {
        // Mostly small steps inside a window, sometimes a jump of several windows.
        now += rand() < 0.05 ? Math.floor(rand() * 50_000) : Math.floor(rand() * 700);
        const request = { key: `k${i % 3}`, algorithm, limit: 10, windowMs: 10_000, cost: rand() < 0.1 ? 1 + Math.floor(rand() * 4) : 1 };
        const expected = memory.consume(request);
        const actual = await redis.consume(request);
        assert.deepEqual(
          { allowed: actual.allowed, remaining: actual.remaining, resetAt: actual.resetAt, retryAfterMs: actual.retryAfterMs },
          { allowed: expected.allowed, remaining: expected.remaining, resetAt: expected.resetAt, retryAfterMs: expected.retryAfterMs },
          `${algorithm} step ${i} at ${now}`,
        );
      }
    }
  });

  it('stores prefixed keys with a TTL, also for a 30-day window (beyond setTimeout range)', async (t) => {
    if (!(await requireService(t, 'Redis', REDIS_URL))) return;
    const prefix = `${uniqueName('rampart_test')}:`;
    const limiter = createRateLimiter({ algorithm: 'fixed-window', limit: 2, windowMs: 30 * 24 * 3600_000, store: newStore(prefix), name: 'monthly' });
    await limiter.consume('user:42');
    const client = new Redis(REDIS_URL);
    cleanup.push(() => client.quit());
    const ttl = await client.pttl(`${prefix}monthly:user:42`);
    assert.ok(ttl > 29 * 24 * 3600_000 && ttl <= 30 * 24 * 3600_000, `pttl ${ttl}`);
    await limiter.consume('user:42');
    const refused = await limiter.consume('user:42');
    assert.equal(refused.allowed, false);
    assert.ok(refused.retryAfterSeconds > 29 * 24 * 3600);
    await limiter.reset('user:42');
    assert.equal((await limiter.consume('user:42')).allowed, true, 'reset() forgets the key');
  });

  it('survives a flushed script cache (EVALSHA falls back to EVAL)', async (t) => {
    if (!(await requireService(t, 'Redis', REDIS_URL))) return;
    const store = newStore(`${uniqueName('rampart_test')}:`);
    const limiter = createRateLimiter({ limit: 5, store });
    await limiter.consume('a');
    await store.client.script('FLUSH');
    const decision = await limiter.consume('a');
    assert.equal(decision.degraded, undefined);
    assert.equal(decision.remaining, 3);
  });
});

describe('Redis down: the documented policy and an event, never a raw error', () => {
  it('a closed port: each policy answers at once, with one store-down event', async () => {
    for (const [policy, expectAllowed] of [['memory', true], ['open', true], ['closed', false]] as const) {
      const events: SecurityEvent[] = [];
      const bus = createEventBus({ logger: false, sinks: [] });
      bus.subscribe((e) => events.push(e));
      const store = new RedisStore({ url: 'redis://127.0.0.1:1' });
      const limiter = createRateLimiter({ store, onStoreError: policy, events: bus, storeTimeoutMs: 500 });
      const decisions = await Promise.all([1, 2, 3].map(() => limiter.consume('ip:192.0.2.1')));
      await limiter.close();
      assert.ok(decisions.every((d) => d.allowed === expectAllowed && d.degraded !== undefined), policy);
      assert.equal(events.filter((e) => e.rule === 'rate-limit-store-down').length, 1, policy);
    }
  });

  it("a user's default ioredis client (offline queue on) pointing nowhere is bounded by storeTimeoutMs", async () => {
    const client = new Redis('redis://127.0.0.1:1', { retryStrategy: () => 200 });
    client.on('error', () => {});
    cleanup.push(() => client.disconnect());
    const limiter = createRateLimiter({ store: new RedisStore({ client }), storeTimeoutMs: 100 });
    const decision = await limiter.consume('k');
    assert.equal(decision.degraded, 'fail-memory');
    assert.equal(decision.allowed, true);
  });

  it('Redis lost mid-way (a proxy in between is cut): degraded answers, then recovery when it is back', async (t) => {
    if (!(await requireService(t, 'Redis', REDIS_URL))) return;
    const target = new URL(REDIS_URL);
    const sockets = new Set<Socket>();
    let proxy: Server | undefined;
    const startProxy = (port: number) =>
      new Promise<number>((resolve) => {
        proxy = createServer((client) => {
          const upstream = connect(Number(target.port), target.hostname);
          sockets.add(client).add(upstream);
          client.pipe(upstream).pipe(client);
          const drop = () => {
            client.destroy();
            upstream.destroy();
          };
          client.on('error', drop).on('close', drop);
          upstream.on('error', drop).on('close', drop);
        });
        proxy.listen(port, '127.0.0.1', () => resolve((proxy!.address() as { port: number }).port));
      });
    const port = await startProxy(0);
    const events: SecurityEvent[] = [];
    const bus = createEventBus({ logger: false, sinks: [] });
    bus.subscribe((e) => events.push(e));
    const prefix = `${uniqueName('rampart_test')}:`;
    const store = new RedisStore({ url: `redis://127.0.0.1:${port}`, prefix });
    cleanup.push(() => deleteKeys(prefix));
    const limiter = createRateLimiter({ store, limit: 100, algorithm: 'fixed-window', events: bus, onStoreError: 'memory' });
    cleanup.push(() => limiter.close());
    assert.equal((await limiter.consume('k')).degraded, undefined);
    assert.equal((await limiter.consume('k')).remaining, 98);

    // Cut every connection and stop listening: the client sees ECONNRESET, then refused reconnects.
    await new Promise<void>((resolve) => {
      proxy!.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
    const during = [];
    for (let i = 0; i < 5; i++) during.push(await limiter.consume('k'));
    assert.ok(during.every((d) => d.allowed && d.degraded === 'fail-memory'), JSON.stringify(during));
    assert.equal(events.filter((e) => e.rule === 'rate-limit-store-down').length, 1);

    await startProxy(port);
    cleanup.push(
      () =>
        new Promise((r) => {
          proxy!.close(r);
          for (const s of sockets) s.destroy();
        }),
    );
    let recovered;
    for (let i = 0; i < 40 && !recovered; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const d = await limiter.consume('k');
      if (d.degraded === undefined) recovered = d;
    }
    assert.ok(recovered, 'the store is used again once Redis answers');
    assert.equal(recovered.remaining, 97, 'counts kept in Redis during the outage are intact');
    assert.ok(events.some((e) => e.rule === 'rate-limit-store-recovered'));
  });
});

describe('limits hold across instances', () => {
  it('two app processes sharing Redis allow exactly `limit` requests in total', async (t) => {
    if (!(await requireService(t, 'Redis', REDIS_URL))) return;
    const prefix = `${uniqueName('rampart_test')}:`;
    cleanup.push(() => deleteKeys(prefix));
    const app = fileURLToPath(new URL('./fixtures/redis-limited-app.ts', import.meta.url));
    const start = () =>
      new Promise<{ child: ChildProcess; port: number }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', app], {
          env: { ...process.env, REDIS_URL, PREFIX: prefix, LIMIT: '12' },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        cleanup.push(() => child.kill('SIGTERM'));
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const line = out.split('\n')[0];
          if (out.includes('\n')) resolve({ child, port: JSON.parse(line).port });
        });
        child.on('exit', (code) => reject(new Error(`app exited with ${code}`)));
      });
    const [a, b] = await Promise.all([start(), start()]);
    const hit = (port: number) =>
      new Promise<{ status: number; instance: string }>((resolve, reject) => {
        const r = request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, instance: String(res.headers['x-instance']) }));
        });
        r.on('error', reject);
        r.end();
      });
    // 40 requests from one client, spread over both instances, half of them concurrently.
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await hit(i % 2 ? a.port : b.port));
    results.push(...(await Promise.all(Array.from({ length: 30 }, (_, i) => hit(i % 2 ? a.port : b.port)))));
    const ok = results.filter((r) => r.status === 200);
    assert.equal(ok.length, 12, results.map((r) => r.status).join(','));
    assert.equal(results.filter((r) => r.status === 429).length, 28);
    assert.equal(new Set(ok.map((r) => r.instance)).size, 2, 'both instances served allowed requests');
  });
});
