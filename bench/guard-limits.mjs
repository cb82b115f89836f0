#!/usr/bin/env node
// Rate-limit store figures for @rampart/guard, side by side with express-rate-limit's MemoryStore
// and rate-limiter-flexible, on the same workload, each measured in its own child process:
//   1. memory of an in-memory store holding 1M distinct IPv4 keys (heap + array buffers after GC);
//   2. consume() operations per second: memory stores, then Redis stores (127.0.0.1:6379).
// Standalone: `node bench/guard-limits.mjs` (after `npx tsc -b`); bench/run.mjs calls benchGuardLimits().
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixed, formatTable } from './text-table.mjs';

const SELF = fileURLToPath(import.meta.url);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const GUARD_RATE_LIMIT = new URL('../packages/guard/dist/rate-limit/index.js', import.meta.url).href;
const REDIS_URL = process.env.RAMPART_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const MEMORY_KEYS = 1_000_000;
/** Throughput workload: this many distinct clients cycling, a limit none of them reaches. */
const OPS_KEYS = 10_000;
const MEMORY_OPS = 500_000;
const REDIS_OPS = 40_000;
/** Requests in flight at once against Redis, as a busy app would have. */
const REDIS_CONCURRENCY = 64;
const WINDOW_MS = 60_000;
const LIMIT = 1_000_000;

const ipv4 = (i) => `${(i >>> 24) & 255}.${(i >>> 16) & 255}.${(i >>> 8) & 255}.${i & 255}`;

/** Each case: make() returns consume(key) as the user calls it, plus cleanup. */
const CASES = {
  'rampart-memory': async () => {
    const { createRateLimiter, MemoryStore } = await import(GUARD_RATE_LIMIT);
    // maxKeys at 1M so the figure is the cost of 1M keys, not of the default 200k cap.
    const limiter = createRateLimiter({ algorithm: 'sliding-window', limit: LIMIT, windowMs: WINDOW_MS, store: new MemoryStore({ maxKeys: MEMORY_KEYS }) });
    return { consume: (key) => limiter.consume(key), close: () => limiter.close() };
  },
  'rampart-memory-fixed': async () => {
    const { createRateLimiter, MemoryStore } = await import(GUARD_RATE_LIMIT);
    const limiter = createRateLimiter({ algorithm: 'fixed-window', limit: LIMIT, windowMs: WINDOW_MS, store: new MemoryStore({ maxKeys: MEMORY_KEYS }) });
    return { consume: (key) => limiter.consume(key), close: () => limiter.close() };
  },
  'express-rate-limit-memory': async () => {
    const { MemoryStore } = await import('express-rate-limit');
    const store = new MemoryStore();
    store.init({ windowMs: WINDOW_MS });
    return { consume: (key) => store.increment(key), close: () => store.shutdown() };
  },
  'rate-limiter-flexible-memory': async () => {
    const { RateLimiterMemory } = await import('rate-limiter-flexible');
    const limiter = new RateLimiterMemory({ points: LIMIT, duration: WINDOW_MS / 1000 });
    return { consume: (key) => limiter.consume(key), close: () => undefined };
  },
  'rampart-redis': async (prefix) => {
    const { createRateLimiter, RedisStore } = await import(GUARD_RATE_LIMIT);
    const store = new RedisStore({ url: REDIS_URL, prefix });
    await store.client.ping();
    const limiter = createRateLimiter({ algorithm: 'sliding-window', limit: LIMIT, windowMs: WINDOW_MS, store, storeTimeoutMs: 5000 });
    return { consume: (key) => limiter.consume(key), close: () => limiter.close(), redis: store.client };
  },
  'rampart-redis-fixed': async (prefix) => {
    const { createRateLimiter, RedisStore } = await import(GUARD_RATE_LIMIT);
    const store = new RedisStore({ url: REDIS_URL, prefix });
    await store.client.ping();
    const limiter = createRateLimiter({ algorithm: 'fixed-window', limit: LIMIT, windowMs: WINDOW_MS, store, storeTimeoutMs: 5000 });
    return { consume: (key) => limiter.consume(key), close: () => limiter.close(), redis: store.client };
  },
  'rate-limiter-flexible-redis': async (prefix) => {
    const { Redis } = await import('ioredis');
    const { RateLimiterRedis } = await import('rate-limiter-flexible');
    const client = new Redis(REDIS_URL, { enableOfflineQueue: true });
    await client.ping();
    const limiter = new RateLimiterRedis({ storeClient: client, points: LIMIT, duration: WINDOW_MS / 1000, keyPrefix: prefix.slice(0, -1) });
    return { consume: (key) => limiter.consume(key), close: () => client.quit(), redis: client };
  },
};

// ------------------------------------------------------------------------- child side
async function child(kind, name) {
  const { default: v8 } = await import('node:v8');
  const { default: vm } = await import('node:vm');
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const prefix = `rampart_bench_${process.pid}:`;
  const made = await CASES[name](prefix);
  const out = {};
  if (kind === 'memory') {
    gc();
    const before = process.memoryUsage();
    const started = performance.now();
    for (let i = 0; i < MEMORY_KEYS; i++) await made.consume(ipv4(0x0b000000 + i));
    out.insertSeconds = (performance.now() - started) / 1000;
    gc();
    const after = process.memoryUsage();
    out.heapMB = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / 1e6;
    out.rssMB = (after.rss - before.rss) / 1e6;
  } else {
    const total = kind === 'redis' ? REDIS_OPS : MEMORY_OPS;
    // Warm up (JIT, script load, connections), then measure.
    for (let i = 0; i < 2000; i++) await made.consume(ipv4(0x0c000000 + (i % OPS_KEYS)));
    const started = performance.now();
    if (kind === 'redis') {
      let next = 0;
      const worker = async () => {
        while (next < total) await made.consume(ipv4(0x0c000000 + (next++ % OPS_KEYS)));
      };
      await Promise.all(Array.from({ length: REDIS_CONCURRENCY }, worker));
    } else {
      for (let i = 0; i < total; i++) await made.consume(ipv4(0x0c000000 + (i % OPS_KEYS)));
    }
    out.opsPerSecond = total / ((performance.now() - started) / 1000);
  }
  if (made.redis) {
    let cursor = '0';
    do {
      const [next, keys] = await made.redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await made.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  await made.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

// ------------------------------------------------------------------------- parent side
function run(kind, name) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', SELF, '--child', kind, name], { cwd: REPO, encoding: 'utf8', timeout: 180_000 });
  const line = (r.stdout ?? '').trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return { error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ') };
  }
}

async function redisReachable() {
  const { createConnection } = await import('node:net');
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const s = createConnection({ host: hostname, port: Number(port) });
    const done = (ok) => (s.destroy(), resolve(ok));
    s.setTimeout(1000, () => done(false));
    s.on('connect', () => done(true)).on('error', () => done(false));
  });
}

const LABELS = {
  'rampart-memory': 'Rampart MemoryStore, sliding window',
  'rampart-memory-fixed': 'Rampart MemoryStore, fixed window',
  'express-rate-limit-memory': 'express-rate-limit 8 MemoryStore',
  'rate-limiter-flexible-memory': 'rate-limiter-flexible 7 RateLimiterMemory',
  'rampart-redis': 'Rampart RedisStore, sliding window',
  'rampart-redis-fixed': 'Rampart RedisStore, fixed window',
  'rate-limiter-flexible-redis': 'rate-limiter-flexible 7 RateLimiterRedis',
};

/** Runs the rate-limit store benchmarks and prints two tables through `say`. */
export async function benchGuardLimits({ say = (t = '') => process.stdout.write(`${t}\n`), progress = (t) => process.stderr.write(`  … ${t}\n`) } = {}) {
  if (!existsSync(fileURLToPath(GUARD_RATE_LIMIT))) {
    say('Rate-limit stores: SKIPPED, packages/guard/dist is missing (run `npx tsc -b`).');
    return;
  }
  const memoryCases = ['rampart-memory', 'rampart-memory-fixed', 'express-rate-limit-memory', 'rate-limiter-flexible-memory'];
  const memoryRows = [];
  for (const name of memoryCases) {
    progress(`rate-limit store memory, 1M keys: ${name}`);
    const m = run('memory', name);
    memoryRows.push(
      m.error
        ? [LABELS[name], '-', '-', '-', `failed: ${m.error.slice(0, 80)}`]
        : [LABELS[name], fixed(m.heapMB), fixed((m.heapMB * 1e6) / MEMORY_KEYS, 0), fixed(m.rssMB), fixed(MEMORY_KEYS / m.insertSeconds / 1000, 0)],
    );
  }
  say(`Rate-limit store memory with ${MEMORY_KEYS.toLocaleString('en')} distinct IPv4 keys (one child process each, heap + array buffers after GC)`);
  say(formatTable(['store', 'MB', 'bytes/key', 'RSS MB', 'k inserts/s'], memoryRows));
  say('  Rampart keeps per-key state in typed arrays (no object or timer per key) and caps keys with maxKeys (default 200,000, LRU eviction);');
  say('  rate-limiter-flexible arms one (unref) setTimeout per key; express-rate-limit resets all keys from one interval.');
  say();

  const opsRows = [];
  for (const name of memoryCases) {
    progress(`consume() ops/s, memory: ${name}`);
    const r = run('ops', name);
    opsRows.push([LABELS[name], r.error ? `failed: ${r.error.slice(0, 60)}` : fixed(r.opsPerSecond / 1000, 0)]);
  }
  if (await redisReachable()) {
    for (const name of ['rampart-redis', 'rampart-redis-fixed', 'rate-limiter-flexible-redis']) {
      progress(`consume() ops/s, Redis: ${name}`);
      const r = run('redis', name);
      opsRows.push([LABELS[name], r.error ? `failed: ${r.error.slice(0, 60)}` : fixed(r.opsPerSecond / 1000, 1)]);
    }
  } else {
    opsRows.push(['Redis stores', `skipped: Redis not reachable at ${REDIS_URL}`]);
  }
  say(
    `consume() throughput: ${OPS_KEYS.toLocaleString('en')} clients cycling; memory ${MEMORY_OPS.toLocaleString('en')} sequential calls, ` +
      `Redis ${REDIS_OPS.toLocaleString('en')} calls with ${REDIS_CONCURRENCY} in flight (express-rate-limit ships no Redis store)`,
  );
  say(formatTable(['store', 'k ops/s'], opsRows));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else if (process.argv[1] === SELF) {
  await benchGuardLimits();
}
