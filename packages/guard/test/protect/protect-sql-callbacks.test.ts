import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { startApp, get, waitForEvent, type RunningApp } from './helpers.js';

// The callback drivers: mysql 2.x (pure JS) against the real MariaDB, sqlite3 (native) on a file.
const table = `rampart_protect_cb_${randomBytes(4).toString('hex')}`;
let my: mysql.Connection | undefined;
let missing: string | undefined;
let dir: string;
let bare: RunningApp | undefined;
let guarded: RunningApp | undefined;

before(async () => {
  try {
    my = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '', database: 'test' });
    await my.query(`CREATE TABLE ${table} (name varchar(64), secret varchar(64))`);
    await my.query(`INSERT INTO ${table} VALUES ('alice', 'alice-secret'), ('bob', 'bob-secret'), ('O''Brien', 'ob-secret')`);
  } catch (err) {
    missing = `MariaDB on 127.0.0.1:3306 (${(err as Error).message})`;
    my = undefined;
    if (process.env.CI === 'true') throw new Error(`missing service: ${missing}`);
  }
  dir = mkdtempSync(join(tmpdir(), 'rampart-protect-cb-'));
  const env = { TABLE: table, APP_DIR: dir };
  [bare, guarded] = await Promise.all([startApp('app-db-callbacks.cjs', false, env), startApp('app-db-callbacks.cjs', true, env)]);
});

after(async () => {
  await Promise.all([bare?.stop(), guarded?.stop()]);
  await my?.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  await my?.end();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const q = encodeURIComponent;
const attacks = (t: string) => ["' OR '1'='1", `x' UNION SELECT name, secret FROM ${t} -- `];

for (const [name, path, sink, needsMaria, tableName] of [
  ['mysql (Pool.query)', '/mysql/users', 'mysql.Pool.query', true, () => table],
  ['mysql (pool.getConnection + Connection.query)', '/mysql/conn/users', 'mysql.query', true, () => table],
  ['sqlite3 (Database.all)', '/sqlite3/users', 'sqlite3.all', false, () => 'users'],
  ['sqlite3 (Database.get)', '/sqlite3/first', 'sqlite3.get', false, () => 'users'],
] as const) {
  test(`sql-injection on ${name}: exploits leak rows bare and are blocked with register`, async (t) => {
    if (needsMaria && !my) return t.skip(`needs ${missing}`);
    for (const attack of attacks(tableName())) {
      // sqlite3.get answers one row: any row's secret for a name no user has is the leak.
      const open = await get(`${bare!.url}${path}?name=${q(attack)}`);
      assert.equal(open.status, 200, open.body);
      assert.match(open.body, path === '/sqlite3/first' ? /-secret/ : /bob-secret/, `the attack really works bare: ${attack}`);
      const r = await get(`${guarded!.url}${path}?name=${q(attack)}`);
      assert.equal(r.status, 403, r.body);
      assert.match(r.body, /Request blocked by Rampart \(request id [\w-]+\)/);
    }
    const event = await waitForEvent(guarded!, (e) => e.rule === 'sql-injection' && e.attack.sink === sink);
    assert.ok(event, guarded!.stderr());
    assert.match(event.attack.frame, /app-db-callbacks\.cjs:\d+/);
  });
}

test('mysql and sqlite3: parameterized queries and benign strings pass; the app keeps serving after blocks', async (t) => {
  const prefixes = my ? ['/mysql', '/sqlite3'] : ['/sqlite3'];
  for (const prefix of prefixes) {
    const safe = await get(`${guarded!.url}${prefix}/users-safe?name=${q("O'Brien")}`);
    assert.equal(safe.status, 200);
    assert.match(safe.body, /ob-secret/);
    const param = await get(`${guarded!.url}${prefix}/users-safe?name=${q("' OR '1'='1")}`);
    assert.equal(param.status, 200);
    assert.equal(param.body, '[]');
    for (const benign of ['select shoes', '1 OR 2 apples', 'alice']) {
      const r = await get(`${guarded!.url}${prefix}/users?name=${q(benign)}`);
      assert.equal(r.status, 200, `${benign}: ${r.body}`);
    }
  }
  assert.equal(guarded!.child.exitCode, null, 'the protected app is still running');
  if (!my) t.diagnostic(`mysql part skipped: needs ${missing}`);
});
