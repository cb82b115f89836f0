import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { startApp, waitForEvent, type RunningApp } from './helpers.js';

// The real mongodb driver, no MongoDB server (none on this machine): MONGO_URL points at a plain
// TCP listener that counts connections. An operator injection must be refused before the driver
// opens any connection; unprotected, the same request makes the driver connect to send it.
let listener: Server;
let connections = 0;
const sockets = new Set<Socket>();
let bare: RunningApp;
let guarded: RunningApp;

before(async () => {
  listener = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await new Promise<number>((r) => listener.listen(0, '127.0.0.1', () => r((listener.address() as { port: number }).port)));
  const env = { MONGO_URL: `mongodb://127.0.0.1:${port}/`, RAMPART_CONFIG: '' };
  [bare, guarded] = await Promise.all([startApp('app-mongo.mjs', false, env), startApp('app-mongo.mjs', true, env)]);
});

after(async () => {
  await Promise.all([bare?.stop(), guarded?.stop()]);
  for (const s of sockets) s.destroy();
  listener?.close();
});

const send = (base: string, path: string, body?: unknown) =>
  fetch(base + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.text() }));

const ATTACKS: Array<[string, unknown, string]> = [
  ['/login', { user: 'admin', password: { $ne: null } }, 'mongodb.findOne'],
  ['/search?name[$regex]=.*', undefined, 'mongodb.find'],
  ['/delete', { owner: { $exists: true } }, 'mongodb.deleteMany'],
  ['/report', { where: 'sleep(5000) || true' }, 'mongodb.aggregate'],
];

test('nosql-injection (real mongodb driver): operator injections are refused before any network I/O', async () => {
  for (const [path, body, sink] of ATTACKS) {
    const before = connections;
    const r = await send(guarded.url, path, body);
    assert.equal(r.status, 403, `${path}: ${r.body}`);
    assert.match(r.body, /Request blocked by Rampart \(request id [\w-]+\)/);
    assert.equal(connections, before, `${path}: the protected driver opened no connection`);
    const event = await waitForEvent(guarded, (e) => e.rule === 'nosql-injection' && e.attack.sink === sink);
    assert.ok(event, `no event at ${sink}: ${guarded.stderr()}`);
    assert.match(event.attack.frame, /app-mongo\.mjs:\d+/);
  }
  assert.equal(connections, 0, 'the protected app never reached the server');
});

test('nosql-injection: unprotected, the same login makes the driver connect to send the filter', async () => {
  const before = connections;
  const r = await send(bare.url, '/login', { user: 'admin', password: { $ne: null } });
  // No server answers the handshake: the driver gives up after serverSelectionTimeoutMS.
  assert.equal(r.status, 500, r.body);
  assert.match(r.body, /MongoServerSelectionError/);
  assert.ok(connections > before, 'the unprotected driver connected to send the query');
});

test('nosql-injection: a plain login (strings only) is not refused and goes to the driver', async () => {
  const before = connections;
  const r = await send(guarded.url, '/login', { user: 'admin', password: 'correct horse' });
  assert.equal(r.status, 500, r.body);
  assert.match(r.body, /MongoServerSelectionError/, 'the query reached the driver, which found no server');
  assert.ok(connections > before);
  assert.equal(guarded.events().filter((e) => e.rule === 'nosql-injection').length, ATTACKS.length, guarded.stderr());
});
