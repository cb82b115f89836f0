// Authentication benchmark (practice 2), called by bench/run.mjs (skip with --skip auth, only this
// with --only auth): ms per hash and hashes/s of each algorithm at the parameters Rampart uses,
// then login throughput over real HTTP with throttling on the memory and Redis stores, side by
// side with passport-local + bcryptjs written the usual way. Server and load generator share
// this process, for every contender alike.
import { createServer, Agent, request } from 'node:http';
import { availableParallelism } from 'node:os';
import bcrypt from 'bcryptjs';
import express from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { Redis } from 'ioredis';
import { createAuth, createPasswordHasher, expressAuth, memoryThrottleStore, redisThrottleStore } from '@rampart/auth';
import { fixed, formatTable } from './text-table.mjs';

const HASH_SECONDS = 2.5;
const LOAD_SECONDS = 4;
const CONCURRENCY = 8;
const USERS = 40;
const PASSWORD = 'bench-password-123';

/** @param {{ say: (s?: string) => void, progress: (s: string) => void }} io */
export async function benchAuth({ say, progress }) {
  const started = performance.now();
  // ------------------------------------------------------------ hashing
  const argon2 = createPasswordHasher();
  const scrypt = createPasswordHasher({ algorithm: 'scrypt' });
  const contenders = [
    { name: 'argon2id m=19 MiB t=2 p=1 (@node-rs/argon2)', hash: (p) => argon2.hash(p), verify: (h, p) => argon2.verify(h, p) },
    { name: 'scrypt N=2^17 r=8 p=1 (node:crypto)', hash: (p) => scrypt.hash(p), verify: (h, p) => scrypt.verify(h, p) },
    { name: 'bcrypt cost 10 (bcryptjs, verify-only in Rampart)', hash: (p) => bcrypt.hash(p, 10), verify: (h, p) => bcrypt.compare(p, h) },
    { name: 'bcrypt cost 12 (bcryptjs)', hash: (p) => bcrypt.hash(p, 12), verify: (h, p) => bcrypt.compare(p, h) },
  ];
  const hashRows = [];
  for (const c of contenders) {
    progress(`hashing: ${c.name}`);
    const h = await c.hash(PASSWORD);
    const seq = await timed(HASH_SECONDS / 2, () => c.hash(PASSWORD), 1);
    const par = await timed(HASH_SECONDS / 2, () => c.hash(PASSWORD), 4);
    const ver = await timed(HASH_SECONDS / 2, () => c.verify(h, PASSWORD), 1);
    hashRows.push([c.name, fixed(seq.msPerOp, 1), fixed(ver.msPerOp, 1), fixed(seq.opsPerSecond, 1), fixed(par.opsPerSecond, 1)]);
  }
  say(`A1. Password hashing (${availableParallelism()} CPUs; 4 in flight uses libuv's thread pool where the algorithm runs off the main thread)`);
  say(formatTable(['algorithm', 'ms/hash', 'ms/verify', 'hashes/s (1 at a time)', 'hashes/s (4 in flight)'], hashRows));
  say();

  // ------------------------------------------------------------ login throughput
  const users = new Map();
  const bcryptUsers = new Map();
  for (let i = 0; i < USERS; i++) {
    users.set(`user${i}`, { id: `id${i}`, passwordHash: await argon2.hash(PASSWORD) });
    bcryptUsers.set(`user${i}`, { id: `id${i}`, hash: await bcrypt.hash(PASSWORD, 10) });
  }
  let redis;
  try {
    redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    await redis.connect();
  } catch (err) {
    redis?.disconnect();
    redis = undefined;
    say(`(Redis at 127.0.0.1:6379 unreachable: ${err.message}; its row is skipped)`);
  }
  const prefix = `rampart-bench:${process.pid}:`;
  const rows = [];
  const apps = [
    { name: 'rampart auth, memory throttle store', app: () => rampartApp(users, memoryThrottleStore()) },
    { name: 'rampart auth, Redis throttle store', app: () => (redis ? rampartApp(users, redisThrottleStore({ client: redis, prefix })) : undefined) },
    { name: 'passport-local + bcryptjs cost 10, no throttle', app: () => passportApp(bcryptUsers) },
  ];
  for (const { name, app: make } of apps) {
    const app = make();
    if (!app) {
      rows.push([name, '-', '-', '-', '-', 'skipped: no Redis']);
      continue;
    }
    progress(`login throughput: ${name}`);
    const server = createServer(app);
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const port = server.address().port;
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let n = 0;
    // Correct passwords for 40 accounts from one address: every login passes the throttle checks
    // (known device, account and pair counters, IP counter taken back on success).
    const load = await timed(LOAD_SECONDS, () => post(port, agent, { username: `user${n++ % USERS}`, password: PASSWORD }), CONCURRENCY, true);
    agent.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    rows.push([name, fixed(load.opsPerSecond, 1), fixed(load.p50, 1), fixed(load.p95, 1), load.errors, load.statuses]);
  }
  if (redis) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
  }
  say(`A2. Login throughput over HTTP (Express 5, ${CONCURRENCY} concurrent clients, ${LOAD_SECONDS} s each, correct passwords)`);
  say(formatTable(['server', 'logins/s', 'p50 ms', 'p95 ms', 'errors', 'statuses'], rows));
  say('  bcryptjs hashes on the main thread, so its server cannot answer anything else meanwhile; argon2id and scrypt run on the thread pool.');
  say(`  (auth bench: ${fixed((performance.now() - started) / 1000, 0)} s)`);
  say();
}

function rampartApp(users, store) {
  const auth = createAuth({ findUser: async (u) => users.get(u), throttle: { store } });
  const a = expressAuth(auth);
  return express().use(express.json()).use(a.session).post('/login', a.login);
}

function passportApp(users) {
  // The usual passport-local setup: look the user up, bcrypt.compare, done.
  passport.use(
    new LocalStrategy((username, password, done) => {
      const user = users.get(username);
      if (!user) return done(null, false);
      bcrypt.compare(password, user.hash).then((ok) => done(null, ok ? user : false), done);
    }),
  );
  return express()
    .use(express.json())
    .use(passport.initialize())
    .post('/login', passport.authenticate('local', { session: false }), (req, res) => res.json({ ok: true }));
}

function post(port, agent, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/login', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Runs `op` with `concurrency` in flight for about `seconds`; throughput and latency percentiles. */
async function timed(seconds, op, concurrency, http = false) {
  const latencies = [];
  const statuses = new Map();
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        try {
          const r = await op();
          if (http) statuses.set(r, (statuses.get(r) ?? 0) + 1);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    opsPerSecond: latencies.length / elapsed,
    msPerOp: (elapsed * 1000 * concurrency) / latencies.length,
    p50: pct(0.5),
    p95: pct(0.95),
    errors,
    statuses: [...statuses].map(([k, v]) => `${k}x${v}`).join(' '),
  };
}
