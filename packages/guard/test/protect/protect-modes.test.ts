import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, get, waitForEvent, FIXTURES, REPO_ROOT } from './helpers.js';
import { resolveProtectOptions, DEFAULTS } from '../../src/protect/options.js';
import { appFrame } from '../../src/protect/events.js';

function appDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-protect-modes-'));
  mkdirSync(join(dir, 'public'), { recursive: true });
  return dir;
}
const q = encodeURIComponent;

test('monitor mode: the attack runs, the event is recorded as monitored with source, sink and frame', async () => {
  const dir = appDir();
  const app = await startApp('app.mjs', true, { APP_DIR: dir, RAMPART_MODE: 'monitor', RAMPART_CONFIG: '' });
  try {
    const r = await get(`${app.url}/users?name=${q("' OR '1'='1")}`);
    assert.equal(r.status, 200);
    assert.match(r.body, /bob-secret/);
    const event = await waitForEvent(app, () => true);
    assert.ok(event, app.stderr());
    assert.equal(event.action, 'monitored');
    assert.equal(event.rule, 'sql-injection');
    assert.equal(event.practice, 11);
    assert.equal(event.attack.source, 'query.name');
    assert.equal(event.attack.sink, 'better-sqlite3.prepare');
    assert.equal(event.attack.payload, "' OR '1'='1");
    assert.equal(event.route, '/users');
    assert.equal(event.method, 'GET');
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('per-route override from the config file: /echo monitored, the rest blocked; x-request-id echoed', async () => {
  const dir = appDir();
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ routes: { '/echo': 'monitor' } }));
  const app = await startApp('app.mjs', true, { APP_DIR: dir, RAMPART_CONFIG: join(dir, 'cfg.json') });
  try {
    await get(`${app.url}/echo?text=${q('a; touch routed')}`);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(existsSync(join(dir, 'routed')), 'monitored route ran the command');
    const r = await fetch(`${app.url}/users?name=${q("' OR 1=1 --")}`, { headers: { 'x-request-id': 'req-42' } });
    assert.equal(r.status, 403);
    assert.match(await r.text(), /request id req-42/);
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('in an Express router: the event names the route pattern with its mount path, and per-route modes match the whole path', async () => {
  const dir = appDir();
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ routes: { '/admin': 'monitor' } }));
  const app = await startApp('app.mjs', true, { APP_DIR: dir, RAMPART_CONFIG: join(dir, 'cfg.json') });
  try {
    // Inside the router req.url is /lookup/...; the /admin prefix must still apply: monitored, so it runs.
    const r = await get(`${app.url}/admin/lookup/${q("x' OR '1'='1")}`);
    assert.equal(r.status, 200, r.body);
    assert.match(r.body, /bob-secret/);
    const event = await waitForEvent(app, () => true);
    assert.ok(event, app.stderr());
    assert.equal(event.action, 'monitored');
    assert.equal(event.route, '/admin/lookup/:name');
    // Elsewhere the global mode (block) holds.
    assert.equal((await get(`${app.url}/users?name=${q("' OR '1'='1")}`)).status, 403);
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mode off: nothing is checked', async () => {
  const dir = appDir();
  const app = await startApp('app.mjs', true, { APP_DIR: dir, RAMPART_MODE: 'off' });
  try {
    const r = await get(`${app.url}/users?name=${q("' OR '1'='1")}`);
    assert.match(r.body, /bob-secret/);
    assert.equal(app.events().length, 0);
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('setup errors name the option and the fix', () => {
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--import', '@rampart/guard/register', join(FIXTURES, 'app.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, RAMPART_MODE: 'blokc' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /RAMPART_MODE must be block, monitor or off \(got "blokc"\)/);
  assert.throws(() => resolveProtectOptions({ mode: 'loud' as never }), /`mode` must be block, monitor or off/);
  assert.throws(() => resolveProtectOptions({ ssrf: { allow: 'x' as never } }), /`ssrf.allow` must be an array/);
  assert.throws(() => resolveProtectOptions({ modes: 'block' } as never), /unknown option `modes`/);
  assert.ok(Object.isFrozen(DEFAULTS) && Object.isFrozen(DEFAULTS.detectors));
});

test('the reported frame is the first one outside node_modules, node: internals and Rampart', () => {
  const stack = [
    'Error',
    `    at inspect (${join(FIXTURES, '..', '..', '..', 'src', 'protect', 'check.ts')}:80:5)`,
    '    at Database.prepare (/app/node_modules/better-sqlite3/lib/methods/wrappers.js:5:21)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    '    at handler (/app/src/routes/users.js:12:8)',
  ].join('\n');
  assert.equal(appFrame(stack), 'handler (/app/src/routes/users.js:12:8)');
});

test('first-line import entry: `import "@rampart/guard/protect"` before the app protects it without --import', async () => {
  const dir = appDir();
  const app = await startApp('app-first-line.mjs', 'source-only', { APP_DIR: dir, RAMPART_CONFIG: '' });
  try {
    const r = await get(`${app.url}/users?name=${q("' OR '1'='1")}`);
    assert.equal(r.status, 403, r.body);
    assert.ok(await waitForEvent(app, (e) => e.rule === 'sql-injection'));
    const ok = await get(`${app.url}/users?name=alice`);
    assert.match(ok.body, /alice-secret/);
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('prototype-pollution: a __proto__ key pollutes the bare app; with hardenPrototypes the write fails and the answer is a 403', async () => {
  const payload = JSON.stringify({ theme: 'dark', __proto__x: 1 }).replace('__proto__x', '__proto__').replace('1', '{"isAdmin":true}');
  const post = (url: string) => fetch(`${url}/settings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
  const dir = appDir();
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ hardenPrototypes: true }));
  const [bare, guarded] = await Promise.all([
    startApp('app.mjs', false, { APP_DIR: dir }),
    startApp('app.mjs', true, { APP_DIR: dir, RAMPART_CONFIG: join(dir, 'cfg.json') }),
  ]);
  try {
    assert.deepEqual(await (await post(bare.url)).json(), { polluted: true }, 'the attack really works bare');
    assert.deepEqual(JSON.parse((await get(`${bare.url}/polluted`)).body), { polluted: true });
    const r = await post(guarded.url);
    assert.equal(r.status, 403);
    assert.match(await r.text(), /request id/);
    assert.ok(await waitForEvent(guarded, (e) => e.rule === 'prototype-pollution' && e.attack.payload === '__proto__'));
    assert.deepEqual(JSON.parse((await get(`${guarded.url}/polluted`)).body), { polluted: false });
    const benign = await fetch(`${guarded.url}/settings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ theme: { colors: { proto: 'x', constructorName: 'y' } } }) });
    assert.equal(benign.status, 200);
  } finally {
    await Promise.all([bare.stop(), guarded.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
});
