import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Redis } from 'ioredis';
import { AuthSetupError, createCsrfCheck, createSessionManager, hashSessionId, memorySessionStore, postgresSessionStore, redisSessionStore, sqliteSessionStore, type SessionStore } from '@rampart/auth';
import { connectPostgres, connectRedis, deletePrefix, uniqueName } from './helpers/services.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cookieHeader = (setCookie: string) => setCookie.split(';')[0];

const redis = await connectRedis();
const postgres = await connectPostgres();
const redisPrefix = `${uniqueName('rampart-test-session')}:`;
const pgTable = uniqueName('rampart_test_sessions');
const sqlite = new Database(':memory:');
after(async () => {
  if (redis.client) await deletePrefix(redis.client as Redis, redisPrefix);
  if (postgres.client) await postgres.client.query(`DROP TABLE IF EXISTS ${pgTable}`);
  await redis.close();
  await postgres.close();
  sqlite.close();
});

let n = 0;
const STORES: [string, () => SessionStore, string | false][] = [
  ['memory', () => memorySessionStore(), false],
  ['Redis', () => redisSessionStore({ client: redis.client!, prefix: `${redisPrefix}${n++}:` }), redis.skip],
  ['SQLite (better-sqlite3)', () => sqliteSessionStore({ database: sqlite, table: `sessions_${n++}` }), false],
  ['PostgreSQL (pg)', () => postgresSessionStore({ pool: postgres.client!, table: `${pgTable}_${n++}` }), postgres.skip],
];

for (const [name, makeStore, skip] of STORES) {
  describe(`sessions on the ${name} store`, () => {
    it('a session id is 256 random bits, the cookie is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/', { skip }, async () => {
      const m = createSessionManager({ store: makeStore() });
      const { session, setCookie } = await m.create('user-1');
      assert.match(session.id, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(session.id, 'base64url').length, 32);
      assert.equal(setCookie, `__Host-sid=${session.id}; Path=/; HttpOnly; Secure; SameSite=Lax`);
      const loaded = await m.load(cookieHeader(setCookie));
      assert.equal(loaded?.record.userId, 'user-1');
    });

    it('the store keeps only the SHA-256 of the id: the cookie value appears nowhere in it', { skip }, async () => {
      const store = makeStore();
      const m = createSessionManager({ store });
      const { session } = await m.create('user-2', { data: { cart: 3 } });
      assert.equal(await store.get(session.id), undefined, 'not stored under the raw id');
      const rec = await store.get(hashSessionId(session.id));
      assert.equal(rec?.userId, 'user-2');
      assert.ok(!JSON.stringify(rec).includes(session.id));
      const listed = await store.listUser('user-2');
      assert.deepEqual(listed.map((s) => s.idHash), [hashSessionId(session.id)]);
    });

    it('rotation gives a new id and CSRF token; the old id stops working', { skip }, async () => {
      const m = createSessionManager({ store: makeStore() });
      const first = await m.create('user-3');
      const rotated = await m.rotate(first.session, { level: 'admin', reauthenticated: true });
      assert.notEqual(rotated.session.id, first.session.id);
      assert.notEqual(rotated.session.record.csrfToken, first.session.record.csrfToken);
      assert.equal(await m.load(cookieHeader(first.setCookie)), undefined);
      assert.equal((await m.load(cookieHeader(rotated.setCookie)))?.record.level, 'admin');
    });

    it('idle timeout: a session unused for idleTimeoutMs is gone', { skip }, async () => {
      let clock = Date.now();
      const m = createSessionManager({ store: makeStore(), now: () => clock });
      const { setCookie } = await m.create('user-4');
      clock += 20 * 60_000;
      assert.ok(await m.load(cookieHeader(setCookie)), 'alive after 20 minutes, and touched');
      clock += 20 * 60_000;
      assert.ok(await m.load(cookieHeader(setCookie)), 'activity keeps it alive past the first 30 minutes');
      clock += 30 * 60_000 + 1;
      assert.equal(await m.load(cookieHeader(setCookie)), undefined, 'gone after 30 idle minutes');
    });

    it('absolute timeout: even an active session ends at absoluteTimeoutMs', { skip }, async () => {
      let clock = Date.now();
      const m = createSessionManager({ store: makeStore(), now: () => clock });
      const { setCookie } = await m.create('user-5');
      for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
        clock += 20 * 60_000;
        assert.ok(await m.load(cookieHeader(setCookie)), `active at ${minutes + 20} minutes`);
      }
      clock += 20 * 60_000;
      assert.equal(await m.load(cookieHeader(setCookie)), undefined, 'gone at 12 hours');
    });

    it('the store itself forgets expired sessions (its own expiry or the SQL filter)', { skip }, async () => {
      const store = makeStore();
      await store.set('expiring-hash', { userId: 'user-9', createdAt: 0, lastSeenAt: 0, authenticatedAt: 0, csrfToken: 'x', level: 'password', data: {} }, Date.now() + 1000);
      assert.equal((await store.get('expiring-hash'))?.userId, 'user-9');
      await sleep(1300);
      assert.equal(await store.get('expiring-hash'), undefined);
      assert.deepEqual(await store.listUser('user-9'), []);
    });

    it('logout everywhere ends every session of the user and only theirs', { skip }, async () => {
      const m = createSessionManager({ store: makeStore() });
      const a = await m.create('user-6');
      const b = await m.create('user-6');
      const other = await m.create('user-7');
      assert.equal((await m.list('user-6')).length, 2);
      assert.equal(await m.destroyAllForUser('user-6'), 2);
      assert.equal(await m.load(cookieHeader(a.setCookie)), undefined);
      assert.equal(await m.load(cookieHeader(b.setCookie)), undefined);
      assert.ok(await m.load(cookieHeader(other.setCookie)));
      assert.deepEqual(await m.list('user-6'), []);
    });

    it('logout ends one session and clears the cookie; destroyByHash only ends the owner\'s', { skip }, async () => {
      const m = createSessionManager({ store: makeStore() });
      const a = await m.create('user-8');
      const b = await m.create('user-8');
      const clear = await m.destroy(a.session);
      assert.match(clear, /^__Host-sid=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax$/);
      assert.equal(await m.load(cookieHeader(a.setCookie)), undefined);
      assert.equal(await m.destroyByHash('someone-else', b.session.idHash), false);
      assert.ok(await m.load(cookieHeader(b.setCookie)));
      assert.equal(await m.destroyByHash('user-8', b.session.idHash), true);
      assert.equal(await m.load(cookieHeader(b.setCookie)), undefined);
    });

    it('forged, malformed and oversized cookies load nothing', { skip }, async () => {
      const m = createSessionManager({ store: makeStore() });
      for (const c of ['', '__Host-sid=', '__Host-sid=abc', `__Host-sid=${'A'.repeat(43)}`, `__Host-sid=${'%'.repeat(43)}`, `__Host-sid=${'a'.repeat(9000)}`, 'sid=x; __Host-sid=../../etc', '__Host-sid="\'; DROP TABLE x; --"']) {
        assert.equal(await m.load(c), undefined, c.slice(0, 40));
      }
    });
  });
}

describe('session setup errors', () => {
  it('names the option and the fix', () => {
    assert.throws(() => createSessionManager({ cookieName: 'sid' }), (e: unknown) => e instanceof AuthSetupError && /__Host-/.test((e as Error).message));
    assert.throws(() => createSessionManager({ idleTimeoutMs: 10_000, absoluteTimeoutMs: 1000 }), /idleTimeoutMs/);
    assert.throws(() => createSessionManager({ sameSite: 'none' as 'lax' }), /sameSite/);
    assert.throws(() => sqliteSessionStore({ database: sqlite, table: 'x; DROP TABLE y' }), /table/);
    assert.throws(() => redisSessionStore({ client: {} as never }), /ioredis/);
  });
});

describe('CSRF check', () => {
  const check = createCsrfCheck({ allowedOrigins: ['https://app.example.com'] });
  const session = { userId: 'u', createdAt: 0, lastSeenAt: 0, authenticatedAt: 0, csrfToken: 'T'.repeat(43), level: 'password', data: {} };
  const req = (method: string, headers: Record<string, string>, body?: unknown) => ({ method, header: (n: string) => headers[n], body });
  const table: [string, ReturnType<typeof req>, string | undefined][] = [
    ['GET needs no token', req('GET', {}), undefined],
    ['POST without a token', req('POST', { host: 'shop.test' }), 'csrf-token-missing'],
    ['POST with the header token', req('POST', { host: 'shop.test', 'x-csrf-token': 'T'.repeat(43) }), undefined],
    ['POST with the form field', req('POST', { host: 'shop.test' }, { _csrf: 'T'.repeat(43) }), undefined],
    ['POST with a wrong token', req('POST', { host: 'shop.test', 'x-csrf-token': 'X'.repeat(43) }), 'csrf-token-mismatch'],
    ['POST with a short token', req('POST', { host: 'shop.test', 'x-csrf-token': 'T' }), 'csrf-token-mismatch'],
    ['cross-site by Fetch Metadata, even with the token', req('POST', { host: 'shop.test', 'sec-fetch-site': 'cross-site', 'x-csrf-token': 'T'.repeat(43) }), 'cross-site-request'],
    ['same-origin by Fetch Metadata', req('DELETE', { host: 'shop.test', 'sec-fetch-site': 'same-origin', 'x-csrf-token': 'T'.repeat(43) }), undefined],
    ['foreign Origin', req('PUT', { host: 'shop.test', origin: 'https://evil.test', 'x-csrf-token': 'T'.repeat(43) }), 'origin-mismatch'],
    ['Origin null (sandboxed iframe)', req('POST', { host: 'shop.test', origin: 'null', 'x-csrf-token': 'T'.repeat(43) }), 'origin-mismatch'],
    ['own Origin', req('POST', { host: 'shop.test', origin: 'https://shop.test', 'x-csrf-token': 'T'.repeat(43) }), undefined],
    ['allowed Origin', req('PATCH', { host: 'shop.test', origin: 'https://app.example.com', 'x-csrf-token': 'T'.repeat(43) }), undefined],
  ];
  for (const [title, r, expected] of table) it(title, () => assert.equal(check(r, session), expected));
});
