import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { createAuth, createPasswordHasher, expressAuth, type AuthUser } from '@rampart/auth';
import { listen, request } from './helpers/http.ts';
import { mannWhitney, median } from './helpers/mann-whitney.ts';

/*
 * No user enumeration by timing (ASVS V6.3.8): a login for an unknown user must take as long as
 * a login with a wrong password for a real one. Measured over real HTTP, with the two kinds of
 * request interleaved in random order so that load from other processes on this shared machine
 * falls on both groups alike. Mann-Whitney U (rank-based, robust to outliers), two-sided.
 *
 * Thresholds: the equal-timing check fails only if p < 0.001 twice in a row on fresh samples
 * (a false alarm then needs two independent one-in-a-thousand events). The same harness must
 * find a naive endpoint (no dummy hash for unknown users) different at p < 1e-6: the test has
 * the power to see a leak of one hash verification.
 */
const SAMPLES = 100; // per group and round
const REAL_USERS = 5; // failures spread over several accounts stay under the per-account ceiling of 100
const PASSWORD = 'the-real-password-1';

const hasher = createPasswordHasher();
const users = new Map<string, AuthUser>();
const NEVER = { freeAttempts: 1_000_000, baseDelayMs: 1, maxDelayMs: 1 };

let safeBase: string;
let naiveBase: string;
const servers: ReturnType<typeof createServer>[] = [];

before(async () => {
  for (let i = 0; i < REAL_USERS; i++) users.set(`member${i}`, { id: `id${i}`, passwordHash: await hasher.hash(PASSWORD) });
  const auth = createAuth({ findUser: async (u) => users.get(u), password: hasher, throttle: { pair: NEVER, ip: NEVER, user: NEVER, stepUpAfter: 1_000_000 } });
  const a = expressAuth(auth);
  const safe = express().use(express.json()).use(a.session).post('/login', a.login);
  // The usual hand-written login: unknown users answer at once, without hashing.
  const naive = express()
    .use(express.json())
    .post('/login', async (req, res) => {
      const user = users.get(req.body.username);
      if (!user || !(await hasher.verify(user.passwordHash, req.body.password))) return void res.status(401).json({ error: 'Invalid username or password.' });
      res.json({ ok: true });
    });
  for (const app of [safe, naive]) servers.push(createServer(app));
  safeBase = await listen(servers[0]);
  naiveBase = await listen(servers[1]);
});
after(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

async function sample(base: string, rounds: number) {
  const unknown: number[] = [];
  const wrong: number[] = [];
  let n = 0;
  const time = async (username: string) => {
    const t0 = process.hrtime.bigint();
    const r = await request(base, '/login', { method: 'POST', json: { username, password: 'not-the-password' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(r.status, 401);
    return ms;
  };
  for (let i = 0; i < rounds; i++) {
    const realName = `member${n++ % REAL_USERS}`;
    const ghostName = `ghost-${n}-${Math.random().toString(36).slice(2)}`;
    // Random order inside each pair: neither kind always goes first.
    if (Math.random() < 0.5) {
      unknown.push(await time(ghostName));
      wrong.push(await time(realName));
    } else {
      wrong.push(await time(realName));
      unknown.push(await time(ghostName));
    }
  }
  return { unknown, wrong };
}

describe('login timing does not reveal whether a user exists', () => {
  it('the harness detects a naive endpoint that skips hashing for unknown users (p < 1e-6)', async (t) => {
    await sample(naiveBase, 10); // warm-up: JIT, connections, lazy loading
    const { unknown, wrong } = await sample(naiveBase, SAMPLES / 2);
    const r = mannWhitney(unknown, wrong);
    t.diagnostic(`naive: p=${r.p.toExponential(2)}, medians ${median(unknown).toFixed(2)} vs ${median(wrong).toFixed(2)} ms`);
    assert.ok(r.p < 1e-6, `naive endpoint: p=${r.p.toExponential(2)}, medians unknown ${median(unknown).toFixed(2)} ms vs wrong password ${median(wrong).toFixed(2)} ms`);
  });

  it('Rampart login: unknown user vs wrong password is not significantly different (Mann-Whitney, p >= 0.001)', async (t) => {
    await sample(safeBase, 10); // also computes the dummy hash once
    let last = '';
    for (let round = 1; round <= 2; round++) {
      const { unknown, wrong } = await sample(safeBase, SAMPLES);
      const r = mannWhitney(unknown, wrong);
      last = `round ${round}: p=${r.p.toFixed(4)} z=${r.z.toFixed(2)}, medians unknown ${median(unknown).toFixed(2)} ms vs wrong password ${median(wrong).toFixed(2)} ms`;
      if (r.p >= 0.001) return t.diagnostic(last);
    }
    assert.fail(`timing differs twice in a row: ${last}`);
  });
});

describe('mannWhitney', () => {
  it('finds no difference between identical samples and a clear one between shifted samples', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    assert.ok(mannWhitney(a, a).p > 0.99);
    assert.ok(mannWhitney(a, a.map((x) => x + 100)).p < 1e-10);
    // Reference value: U for [1,2,3] vs [4,5,6] is 0.
    assert.equal(mannWhitney([1, 2, 3], [4, 5, 6]).u, 0);
  });
});
