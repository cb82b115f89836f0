import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startApp, waitForEvent, type RunningApp } from './helpers.js';

// Two processes of one app share their block lists through a real Redis on loopback. Clients
// come from other loopback addresses (127.0.0.2, 127.0.0.3) so blocking them leaves the test's
// own 127.0.0.1 admin requests alone.
const prefix = `rampart-test-blocklist-${randomBytes(4).toString('hex')}:`;
let redis: Redis | undefined;
let missing: string | undefined;
let dir: string;
let a: RunningApp | undefined;
let b: RunningApp | undefined;

before(async () => {
  redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    missing = `Redis on 127.0.0.1:6379 (${(err as Error).message})`;
    redis = undefined;
    if (process.env.CI === 'true') throw new Error(`missing service: ${missing}`);
    return;
  }
  dir = mkdtempSync(join(tmpdir(), 'rampart-protect-blocklist-'));
  const config = {
    blocklist: { redis: { url: 'redis://127.0.0.1:6379', prefix }, users: ['banned-in-config'], autoBlock: { detections: 2, windowSeconds: 60, blockSeconds: 60 } },
  };
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify(config));
  const env = { RAMPART_CONFIG: join(dir, 'cfg.json') };
  [a, b] = await Promise.all([startApp('app-blocklist.mjs', true, env), startApp('app-blocklist.mjs', true, env)]);
});

after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** An HTTP request from a chosen loopback source address. */
function send(base: string, path: string, options: { from?: string; method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: options.method ?? 'GET', localAddress: options.from ?? '127.0.0.1', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Pub/sub carries a change to the other process within milliseconds; allow up to 3 s on a loaded machine. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

test('an IP blocked in one process is refused by the other (shared Redis), with the safe 403 and an event; unblocking lets it in', async (t) => {
  if (!redis) return t.skip(`needs ${missing}`);
  assert.equal((await send(b!.url, '/me', { from: '127.0.0.2' })).status, 200);
  assert.equal((await send(a!.url, '/admin/block?ip=127.0.0.2', { method: 'POST' })).status, 200);
  assert.ok(await eventually(async () => (await send(b!.url, '/me', { from: '127.0.0.2' })).status === 403), 'B refuses the IP A blocked');
  const r = await send(b!.url, '/me', { from: '127.0.0.2', headers: { 'x-request-id': 'blocked-42' } });
  assert.equal(r.status, 403);
  assert.equal(r.body, 'Request blocked by Rampart (request id blocked-42)');
  assert.equal((await send(b!.url, '/me')).status, 200, 'other clients still pass');
  const event = await waitForEvent(b!, (e) => e.rule === 'blocked-ip');
  assert.ok(event, b!.stderr());
  assert.equal(event.kind, 'blocklist');
  assert.equal(event.action, 'blocked');
  assert.equal(event.ip, '127.0.0.2');
  assert.equal((await send(a!.url, '/admin/unblock?ip=127.0.0.2', { method: 'POST' })).status, 200);
  assert.ok(await eventually(async () => (await send(b!.url, '/me', { from: '127.0.0.2' })).status === 200), 'B lets the IP in again');
});

test('a user blocked in one process is refused by the other once the app names the user; blocks expire', async (t) => {
  if (!redis) return t.skip(`needs ${missing}`);
  const mallory = { headers: { 'x-user': 'mallory' } };
  assert.deepEqual(JSON.parse((await send(b!.url, '/me', mallory)).body), { user: 'mallory' });
  await send(a!.url, '/admin/block?user=mallory&seconds=2', { method: 'POST' });
  assert.ok(await eventually(async () => (await send(b!.url, '/me', mallory)).status === 403), 'B refuses the user A blocked');
  assert.match((await send(b!.url, '/calc?n=3', mallory)).body, /Request blocked by Rampart \(request id [\w-]+\)/, 'a blocked user reaches no sink');
  assert.equal((await send(b!.url, '/me', { headers: { 'x-user': 'alice' } })).status, 200);
  assert.ok(await waitForEvent(b!, (e) => e.rule === 'blocked-user' && e.userId === 'mallory'), b!.stderr());
  // The block was for 2 seconds.
  assert.ok(await eventually(async () => (await send(b!.url, '/me', mallory)).status === 200), 'the block expired');
  assert.equal((await send(a!.url, '/me', { headers: { 'x-user': 'banned-in-config' } })).status, 403, 'users listed in the config are refused');
});

test('auto-block: after two detections from one IP in one process, both processes refuse that IP', async (t) => {
  if (!redis) return t.skip(`needs ${missing}`);
  const from = '127.0.0.3';
  assert.deepEqual(JSON.parse((await send(b!.url, '/calc?n=21', { from })).body), { result: 42 });
  for (let i = 0; i < 2; i++) assert.equal((await send(a!.url, `/calc?n=${encodeURIComponent('1; process.exit(1)')}`, { from })).status, 403);
  assert.ok(await waitForEvent(a!, (e) => e.rule === 'auto-block' && e.details?.value === from), a!.stderr());
  assert.ok(await eventually(async () => (await send(b!.url, '/calc?n=21', { from })).status === 403), 'B refuses the auto-blocked IP');
  assert.equal((await send(a!.url, '/calc?n=21', { from })).status, 403);
  assert.equal((await send(b!.url, '/calc?n=21')).status, 200);
  await send(a!.url, `/admin/unblock?ip=${from}`, { method: 'POST' });
});

test('auto-block: detections spread over both processes add up in Redis, and one block follows', async (t) => {
  if (!redis) return t.skip(`needs ${missing}`);
  const from = '127.0.0.4';
  // One detection in each process: two in all, the threshold, though neither process saw two.
  assert.equal((await send(a!.url, `/calc?n=${encodeURIComponent('1; process.exit(1)')}`, { from })).status, 403);
  assert.equal((await send(b!.url, `/calc?n=${encodeURIComponent('1; process.exit(1)')}`, { from })).status, 403);
  assert.ok(await eventually(async () => (await send(a!.url, '/calc?n=21', { from })).status === 403), 'A refuses the IP');
  assert.ok(await eventually(async () => (await send(b!.url, '/calc?n=21', { from })).status === 403), 'B refuses the IP');
  const blocks = [a!, b!].map((app) => app.stderr().split('\n').filter((l) => l.includes('"auto-block"') && l.includes(from)).length);
  assert.equal(blocks[0]! + blocks[1]!, 1, `exactly one process blocked it: ${blocks.join(', ')}`);
  await send(a!.url, `/admin/unblock?ip=${from}`, { method: 'POST' });
});

test('bots: an attack tool user agent is refused at arrival, a browser passes', async (t) => {
  if (!redis) return t.skip(`needs ${missing}`);
  const r = await send(a!.url, '/me', { headers: { 'user-agent': 'sqlmap/1.7.2#stable (https://sqlmap.org)' } });
  assert.equal(r.status, 403);
  assert.ok(await waitForEvent(a!, (e) => e.rule === 'bad-bot'), a!.stderr());
  const ok = await send(a!.url, '/me', { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' } });
  assert.equal(ok.status, 200);
});
