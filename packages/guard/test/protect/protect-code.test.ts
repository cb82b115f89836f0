import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, get, waitForEvent, type RunningApp } from './helpers.js';

// An ESM app that evaluates user input with eval, Function and vm (named imports from node:vm).
let dir: string;
let bare: RunningApp;
let guarded: RunningApp;
const SECRET = 'sk-live-code-injection-7f3a';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rampart-protect-code-'));
  const env = { APP_DIR: dir, SECRET_TOKEN: SECRET, RAMPART_CONFIG: '' };
  [bare, guarded] = await Promise.all([startApp('app-code.mjs', false, env), startApp('app-code.mjs', true, env)]);
});

after(async () => {
  await Promise.all([bare?.stop(), guarded?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const q = encodeURIComponent;
const post = (base: string, path: string, body: unknown) =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.text() }));

async function assertBlocked(r: { status: number; body: string }, sink: RegExp): Promise<void> {
  assert.equal(r.status, 403, `expected a block, got ${r.status}: ${r.body}`);
  assert.match(r.body, /Request blocked by Rampart \(request id [\w-]+\)/);
  assert.doesNotMatch(r.body, new RegExp(SECRET));
  const event = await waitForEvent(guarded, (e) => e.rule === 'code-injection' && sink.test(e.attack.sink));
  assert.ok(event, `no code-injection event at ${sink} in stderr: ${guarded.stderr()}`);
  assert.equal(event.action, 'blocked');
  assert.match(event.attack.frame, /app-code\.mjs:\d+/, 'the frame is the app line that evaluated the code');
}

test('code-injection (Function): the exploit writes a marker file bare, and is blocked with register', async () => {
  const attack = (name: string) => `/discount?rate=${q(`(process.getBuiltinModule('fs').writeFileSync(process.env.APP_DIR + '/${name}', 'x'), 0.9)`)}`;
  const open = await get(bare.url + attack('pwned-bare'));
  assert.equal(open.status, 200, open.body);
  assert.ok(existsSync(join(dir, 'pwned-bare')), 'the attack really works on the unprotected app');
  await assertBlocked(await get(guarded.url + attack('pwned-guarded')), /^Function$/);
  assert.equal(existsSync(join(dir, 'pwned-guarded')), false);
});

test('code-injection (eval, new Function, vm.runInNewContext, vm.Script, vm.compileFunction): secrets leak bare, blocked with register', async () => {
  const cases: Array<[(base: string) => Promise<{ status: number; body: string }>, RegExp]> = [
    [(b) => get(`${b}/parse?data=${q('process.env.SECRET_TOKEN')}`), /^eval$/],
    [(b) => get(`${b}/greet?name=${q('"+process.env.SECRET_TOKEN+"')}`), /^Function$/],
    // The classic vm "sandbox" escape through the host object's constructor chain.
    [(b) => get(`${b}/template?total=${q("'+this.constructor.constructor('return process')().env.SECRET_TOKEN+'")}`), /^vm\.runInNewContext$/],
    [(b) => post(b, '/rule', { rule: 'process.env.SECRET_TOKEN' }), /^vm\.Script$/],
    [(b) => post(b, '/fn', { add: 'process.env.SECRET_TOKEN' }), /^vm\.compileFunction$/],
  ];
  for (const [send, sink] of cases) {
    const open = await send(bare.url);
    assert.equal(open.status, 200, open.body);
    assert.match(open.body, new RegExp(SECRET), `the attack really works on the unprotected app (${sink})`);
    await assertBlocked(await send(guarded.url), sink);
  }
});

test('code-injection: benign inputs (numbers, JSON, text inside string literals) pass untouched', async () => {
  const eventsBefore = guarded.events().filter((e) => e.rule === 'code-injection').length;
  const cases: Array<[(base: string) => Promise<{ status: number; body: string }>, unknown]> = [
    [(b) => get(`${b}/discount?rate=0.9`), 90],
    [(b) => get(`${b}/discount?rate=${q('-0.5')}`), -50],
    [(b) => get(`${b}/parse?data=${q('{"a":[1,2,{"b":null}],"c":"d"}')}`), { a: [1, 2, { b: null }], c: 'd' }],
    [(b) => get(`${b}/parse?data=${q('[1, 2, 3]')}`), [1, 2, 3]],
    [(b) => get(`${b}/greet?name=${q("O'Brien")}`), "Hello O'Brien"],
    [(b) => get(`${b}/greet?name=${q('a; b(); c // not code')}`), 'Hello a; b(); c // not code'],
    [(b) => get(`${b}/template?total=${q('12.50 EUR (incl. VAT)')}`), 'Dear Ann, total: 12.50 EUR (incl. VAT)'],
    [(b) => post(b, '/rule', { rule: '{"min": 1, "tags": ["x"]}' }), { min: 1, tags: ['x'] }],
    [(b) => post(b, '/fn', { add: '41' }), 42],
  ];
  for (const [send, expected] of cases) {
    const r = await send(guarded.url);
    assert.equal(r.status, 200, r.body);
    assert.deepEqual(JSON.parse(r.body).result, expected);
  }
  assert.equal(guarded.events().filter((e) => e.rule === 'code-injection').length, eventsBefore, guarded.stderr());
});

test('hookEval: the checking eval is indirect, so a direct eval reading a local variable fails; hookEval false restores it (unprotected)', async () => {
  assert.deepEqual(JSON.parse((await get(`${bare.url}/local?rate=0.9`)).body), { result: 90 });
  const hooked = await get(`${guarded.url}/local?rate=0.9`);
  assert.equal(hooked.status, 500, 'the documented limit: `price` is not a global');
  assert.match(hooked.body, /price is not defined/);
  writeFileSync(join(dir, 'no-eval-hook.json'), JSON.stringify({ hookEval: false }));
  const native = await startApp('app-code.mjs', true, { APP_DIR: dir, SECRET_TOKEN: SECRET, RAMPART_CONFIG: join(dir, 'no-eval-hook.json') });
  try {
    assert.deepEqual(JSON.parse((await get(`${native.url}/local?rate=0.9`)).body), { result: 90 });
    // eval is then unprotected, Function still is.
    const open = await get(`${native.url}/parse?data=${q('process.env.SECRET_TOKEN')}`);
    assert.match(open.body, new RegExp(SECRET));
    assert.equal((await get(`${native.url}/greet?name=${q('"+process.env.SECRET_TOKEN+"')}`)).status, 403);
  } finally {
    await native.stop();
  }
});
