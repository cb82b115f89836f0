import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, get, waitForEvent, loopbackServer, type RunningApp, type LoopbackServer } from './helpers.js';

// fetch (undici) and DNS rebinding: the guard's own lookup sees a public address, undici's
// connect a loopback one. Also redirects from an allowed server to internal addresses.
let internal: LoopbackServer;
let partner: LoopbackServer;
let internalPort = 0;
let partnerPort = 0;
let dir: string;
let bare: RunningApp;
let guarded: RunningApp;

before(async () => {
  internal = await loopbackServer((req, res) => res.end('internal-secret'));
  // An allowlisted outside API that redirects wherever its `to` parameter says.
  partner = await loopbackServer((req, res) => {
    const to = new URL(req.url!, 'http://x').searchParams.get('to');
    if (to) res.writeHead(302, { location: to }).end();
    else res.end('partner-data');
  });
  internalPort = internal.port;
  partnerPort = partner.port;
  dir = mkdtempSync(join(tmpdir(), 'rampart-protect-fetch-'));
  writeFileSync(join(dir, 'cfg.json'), JSON.stringify({ ssrf: { allow: [`127.0.0.1:${partnerPort}`] } }));
  const env = { RAMPART_CONFIG: join(dir, 'cfg.json') };
  [bare, guarded] = await Promise.all([startApp('app-fetch.mjs', false, env), startApp('app-fetch.mjs', true, env)]);
});

after(async () => {
  await Promise.all([bare?.stop(), guarded?.stop()]);
  internal?.server.close();
  partner?.server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const q = encodeURIComponent;

test('ssrf (fetch, DNS rebinding): a host that resolves public when checked and loopback when connected reaches the internal server bare, and is blocked on the connected address', async () => {
  // Each app process has its own fake DNS; a fresh name starts with the public answer. The bare
  // app's first fetch goes to the public address; once the answer flips, the same URL is internal.
  const rebinding = `http://a.rebind.test:${internalPort}/latest/meta-data`;
  await get(`${bare.url}/fetch?url=${q(rebinding)}`);
  const open = await get(`${bare.url}/fetch?url=${q(rebinding)}`);
  assert.equal(open.body, 'internal-secret', 'the rebinding name really reaches the internal server from the unprotected app');
  const hits = internal.hits();
  const r = await get(`${guarded.url}/fetch?url=${q(`http://b.rebind.test:${internalPort}/latest/meta-data`)}`);
  assert.equal(r.status, 403, r.body);
  assert.match(r.body, /Request blocked by Rampart \(request id [\w-]+\)/);
  assert.equal(internal.hits(), hits, 'no byte of the request reached the internal server');
  const event = await waitForEvent(guarded, (e) => e.rule === 'ssrf');
  assert.ok(event, guarded.stderr());
  assert.match(event.message, /b\.rebind\.test resolves to internal address 127\.0\.0\.1/);
  assert.match(event.attack.frame, /app-fetch\.mjs:\d+/);
});

test('ssrf (fetch, redirects): an allowed server redirecting to an internal address is followed bare, and blocked at the hop', async () => {
  for (const to of [`http://127.0.0.1:${internalPort}/admin`, `http://[::ffff:127.0.0.1]:${internalPort}/`, `http://c.rebind.test:${internalPort}/admin`]) {
    const url = `http://127.0.0.1:${partnerPort}/go?to=${q(to)}`;
    // The bare app asks twice: the rebinding name answers public first, loopback after.
    await get(`${bare.url}/fetch?url=${q(url)}`);
    const open = await get(`${bare.url}/fetch?url=${q(url)}`);
    assert.equal(open.body, 'internal-secret', `the redirect really reaches the internal server bare: ${to}`);
    const hits = internal.hits();
    const r = await get(`${guarded.url}/fetch?url=${q(url)}`);
    assert.equal(r.status, 403, `${to}: ${r.body}`);
    assert.equal(internal.hits(), hits, `the internal server was not reached through the protected app: ${to}`);
  }
  const ok = await get(`${guarded.url}/fetch?url=${q(`http://127.0.0.1:${partnerPort}/v1/items`)}`);
  assert.equal(ok.status, 200);
  assert.equal(ok.body, 'partner-data');
});
