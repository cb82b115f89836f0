import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, get, waitForEvent, type RunningApp } from './helpers.js';

// A loopback server standing in for an internal service (metadata endpoint, admin API).
let internal: Server;
let internalHits = 0;
let internalPort = 0;
// A second loopback server on the allowlist, standing in for an outside API.
let partner: Server;
let partnerPort = 0;
let dir: string;
let bare: RunningApp;
let guarded: RunningApp;

const listen = (s: Server) => new Promise<number>((r) => s.listen(0, '127.0.0.1', () => r((s.address() as { port: number }).port)));

before(async () => {
  internal = createServer((req, res) => {
    internalHits++;
    res.end('internal-secret');
  });
  partner = createServer((req, res) => res.end('partner-data'));
  internalPort = await listen(internal);
  partnerPort = await listen(partner);
  dir = mkdtempSync(join(tmpdir(), 'rampart-protect-'));
  mkdirSync(join(dir, 'public', 'docs'), { recursive: true });
  writeFileSync(join(dir, 'public', 'hello.txt'), 'hello file');
  writeFileSync(join(dir, 'public', 'docs', 'a..b.txt'), 'dots in a name');
  writeFileSync(join(dir, 'secret.txt'), 'TOP-SECRET');
  writeFileSync(join(dir, 'rampart.json'), JSON.stringify({ ssrf: { allow: [`127.0.0.1:${partnerPort}`] } }));
  const env = { APP_DIR: dir, RAMPART_CONFIG: join(dir, 'rampart.json') };
  [bare, guarded] = await Promise.all([startApp('app.mjs', false, env), startApp('app.mjs', true, env)]);
});

after(async () => {
  await Promise.all([bare?.stop(), guarded?.stop()]);
  internal?.close();
  partner?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const q = encodeURIComponent;

async function assertBlocked(r: { status: number; body: string }, app: RunningApp, rule: string): Promise<void> {
  assert.equal(r.status, 403, `expected a block, got ${r.status}: ${r.body}`);
  assert.match(r.body, /Request blocked by Rampart \(request id [\w-]+\)/);
  const event = await waitForEvent(app, (e) => e.rule === rule);
  assert.ok(event, `no ${rule} event in stderr: ${app.stderr()}`);
  assert.equal(event.kind, 'attack');
  assert.equal(event.action, 'blocked');
  assert.match(event.attack.frame, /app\.mjs:\d+/, 'the frame is the app line that called the sink');
}

test('sql-injection (better-sqlite3, ESM app): the exploit returns other users\' secrets bare, and is blocked with register', async () => {
  const attack = `/users?name=${q("' OR '1'='1")}`;
  const open = await get(bare.url + attack);
  assert.equal(open.status, 200);
  assert.match(open.body, /bob-secret/, 'the attack really works on the unprotected app');
  const r = await get(guarded.url + attack);
  await assertBlocked(r, guarded, 'sql-injection');
  assert.doesNotMatch(r.body, /secret"/);
});

test('sql-injection in a nested JSON body parsed by express.json after the context was created', async () => {
  const body = JSON.stringify({ filter: { name: "x' UNION SELECT secret FROM users --" } });
  const send = (base: string) => fetch(`${base}/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => ({ status: r.status, body: await r.text() }));
  const open = await send(bare.url);
  assert.match(open.body, /alice-secret/);
  await assertBlocked(await send(guarded.url), guarded, 'sql-injection');
});

test('shell-injection (exec): the exploit writes a marker file bare, and is blocked with register', async () => {
  const open = await get(`${bare.url}/echo?text=${q('hi; touch pwned-bare')}`);
  assert.equal(open.status, 200);
  assert.ok(existsSync(join(dir, 'pwned-bare')), 'the attack really works on the unprotected app');
  const r = await get(`${guarded.url}/echo?text=${q('hi; touch pwned-guarded')}`);
  await assertBlocked(r, guarded, 'shell-injection');
  assert.equal(existsSync(join(dir, 'pwned-guarded')), false);
  await assertBlocked(await get(`${guarded.url}/echo?text=${q('$(touch pwned-guarded)')}`), guarded, 'shell-injection');
  assert.equal(existsSync(join(dir, 'pwned-guarded')), false);
});

test('path-traversal (fs/promises.readFile + path.join): the exploit reads a secret file bare, and is blocked with register', async () => {
  const open = await get(`${bare.url}/file?name=${q('../secret.txt')}`);
  assert.equal(open.body, 'TOP-SECRET', 'the attack really works on the unprotected app');
  await assertBlocked(await get(`${guarded.url}/file?name=${q('../secret.txt')}`), guarded, 'path-traversal');
  await assertBlocked(await get(`${guarded.url}/file?name=${q('docs/../../secret.txt')}`), guarded, 'path-traversal');
  await assertBlocked(await get(`${guarded.url}/file?name=${q('hello.txt\0.png')}`), guarded, 'path-traversal');
});

test('ssrf (http.get and fetch): a user URL reaches the internal server bare, and is blocked with register', async () => {
  const target = `http://127.0.0.1:${internalPort}/latest/meta-data`;
  const open = await get(`${bare.url}/fetch?url=${q(target)}`);
  assert.equal(open.body, 'internal-secret', 'the attack really works on the unprotected app');
  const hits = internalHits;
  await assertBlocked(await get(`${guarded.url}/fetch?url=${q(target)}`), guarded, 'ssrf');
  await assertBlocked(await get(`${guarded.url}/fetch2?url=${q(target)}`), guarded, 'ssrf');
  // A host name resolved by DNS: checked on the address the socket connects to.
  await assertBlocked(await get(`${guarded.url}/fetch?url=${q(`http://localhost:${internalPort}/`)}`), guarded, 'ssrf');
  // Other spellings of loopback.
  await assertBlocked(await get(`${guarded.url}/fetch2?url=${q(`http://2130706433:${internalPort}/`)}`), guarded, 'ssrf');
  assert.equal(internalHits, hits, 'the internal server was never reached through the protected app');
});

test('reflected-xss: a script tag is reflected bare, and the response becomes a 403 with register', async () => {
  const attack = `/hello?name=${q('<script>alert(document.cookie)</script>')}`;
  const open = await get(bare.url + attack);
  assert.match(open.body, /<script>alert\(document.cookie\)<\/script>/, 'the attack really works on the unprotected app');
  const r = await get(guarded.url + attack);
  assert.equal(r.status, 403);
  assert.doesNotMatch(r.body, /<script>/);
  await assertBlocked(r, guarded, 'reflected-xss');
  await assertBlocked(await get(`${guarded.url}/hello?name=${q('<img src=x onerror=alert(1)>')}`), guarded, 'reflected-xss');
});

test('benign corpus passes untouched through the protected app', async () => {
  const cases: Array<[string, RegExp]> = [
    [`/users-safe?name=${q("O'Brien")}`, /ob-secret/],
    [`/users-safe?name=${q("' OR '1'='1")}`, /^\[\]$/],
    [`/users?name=${q('select shoes')}`, /^\[\]$/],
    [`/users?name=${q('1 OR 2 apples')}`, /^\[\]$/],
    [`/users?name=${q('I <3 SQL')}`, /^\[\]$/],
    [`/users?name=alice`, /alice-secret/],
    [`/file?name=${q('docs/a..b.txt')}`, /dots in a name/],
    [`/file?name=${q('docs/../hello.txt')}`, /hello file/],
    [`/echo?text=hello`, /hello/],
    [`/hello?name=${q('I <3 cats & 1 < 2')}`, /I <3 cats & 1 < 2/],
    [`/fetch?url=${q(`http://127.0.0.1:${partnerPort}/v1/items?q=shoes`)}`, /partner-data/],
    [`/fetch2?url=${q(`http://127.0.0.1:${partnerPort}/v1/items`)}`, /partner-data/],
  ];
  const eventsBefore = guarded.events().length;
  for (const [path, expected] of cases) {
    const r = await get(guarded.url + path);
    assert.equal(r.status, 200, `${path} was refused: ${r.body}`);
    assert.match(r.body.trim(), expected, path);
  }
  const nested = await fetch(`${guarded.url}/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ filter: { name: 'alice', tags: [{ deep: { note: "it's fine <3" } }] } }),
  });
  assert.equal(nested.status, 200);
  assert.deepEqual(await nested.json(), [{ name: 'alice' }]);
  assert.equal(guarded.events().length, eventsBefore, `benign requests raised events: ${guarded.stderr()}`);
});
