import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import mysql from 'mysql2/promise';
import { startApp, get, waitForEvent, type RunningApp } from './helpers.js';

// Real PostgreSQL and MariaDB on loopback; the app is CommonJS to prove register covers CJS too.
const table = `rampart_protect_${randomBytes(4).toString('hex')}`;
let pgClient: pg.Client | undefined;
let my: mysql.Connection | undefined;
let missing: string[] = [];
let bare: RunningApp | undefined;
let guarded: RunningApp | undefined;

before(async () => {
  try {
    pgClient = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'test' });
    await pgClient.connect();
    await pgClient.query(`CREATE TABLE ${table} (name text, secret text)`);
    await pgClient.query(`INSERT INTO ${table} VALUES ('alice', 'alice-secret'), ('bob', 'bob-secret'), ('O''Brien', 'ob-secret')`);
  } catch (err) {
    missing.push(`PostgreSQL on 127.0.0.1:5432 (${(err as Error).message})`);
    pgClient = undefined;
  }
  try {
    my = await mysql.createConnection({ host: '127.0.0.1', user: 'root', password: '', database: 'test' });
    await my.query(`CREATE TABLE ${table} (name varchar(64), secret varchar(64))`);
    await my.query(`INSERT INTO ${table} VALUES ('alice', 'alice-secret'), ('bob', 'bob-secret'), ('O''Brien', 'ob-secret')`);
  } catch (err) {
    missing.push(`MariaDB on 127.0.0.1:3306 (${(err as Error).message})`);
    my = undefined;
  }
  if (missing.length && process.env.CI === 'true') throw new Error(`missing services: ${missing.join('; ')}`);
  [bare, guarded] = await Promise.all([startApp('app-db.cjs', false, { TABLE: table }), startApp('app-db.cjs', true, { TABLE: table })]);
});

after(async () => {
  await Promise.all([bare?.stop(), guarded?.stop()]);
  await pgClient?.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  await pgClient?.end();
  await my?.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  await my?.end();
});

const q = encodeURIComponent;
// `-- ` with its blank: MySQL only starts a comment there.
const ATTACKS = ["' OR '1'='1", "x' UNION SELECT name, secret FROM TABLE -- ".replace('TABLE', table)];

for (const [db, prefix, available] of [
  ['PostgreSQL (pg)', '/pg', () => !!pgClient],
  ['MariaDB (mysql2)', '/my', () => !!my],
] as const) {
  test(`sql-injection on ${db} in a CommonJS app: exploits leak rows bare and are blocked with register`, async (t) => {
    if (!available()) return t.skip(`needs ${missing.join('; ')}`);
    for (const attack of ATTACKS) {
      const open = await get(`${bare!.url}${prefix}/users?name=${q(attack)}`);
      assert.equal(open.status, 200, open.body);
      assert.match(open.body, /bob-secret/, `the attack really works bare: ${attack}`);
      const r = await get(`${guarded!.url}${prefix}/users?name=${q(attack)}`);
      assert.equal(r.status, 403, r.body);
      assert.match(r.body, /request id/);
    }
    const event = await waitForEvent(guarded!, (e) => e.rule === 'sql-injection' && e.attack.sink.startsWith(prefix === '/pg' ? 'pg' : 'mysql2'));
    assert.ok(event, guarded!.stderr());
    assert.match(event.attack.frame, /app-db\.cjs:\d+/);
  });

  test(`sql-injection on ${db}: parameterized queries and benign strings pass`, async (t) => {
    if (!available()) return t.skip(`needs ${missing.join('; ')}`);
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
  });
}
