import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { base32Decode, createAuth, createTwoFactor, hashPassword, LOGIN_FAILED_MESSAGE, totp, type Auth, type AuthUser } from '@rampart/auth';
import { startApp, type Framework, type RunningApp } from './helpers/apps.ts';
import { cookieFrom, request } from './helpers/http.ts';

const PASSWORD = 'alice-correct-horse';

async function makeAuth() {
  const users = new Map<string, AuthUser>([
    ['alice', { id: 'u-alice', passwordHash: await hashPassword(PASSWORD) }],
    ['dora', { id: 'u-dora', passwordHash: await hashPassword(PASSWORD) }],
    ['erik', { id: 'u-erik', passwordHash: await hashPassword(PASSWORD) }],
    // An account migrated from an older system that used bcrypt.
    ['bob', { id: 'u-bob', passwordHash: bcrypt.hashSync('bob-legacy-password', 10) }],
    ['carol', { id: 'u-carol', passwordHash: await hashPassword(PASSWORD) }],
  ]);
  const twoFactor = createTwoFactor({ encryptionKey: randomBytes(32) });
  const enrolment = await twoFactor.beginEnrolment('u-carol', 'carol@example.com');
  const secret = base32Decode(enrolment.secret)!;
  const code = (ms = Date.now()) => totp(secret, ms, { algorithm: 'SHA1', digits: 6, periodSeconds: 30 });
  assert.equal((await twoFactor.confirmEnrolment('u-carol', code(Date.now() - 30_000))).ok, true);
  const events: string[] = [];
  const auth = createAuth({
    findUser: async (name) => users.get(name),
    updatePasswordHash: async (id, hash) => {
      for (const u of users.values()) if (u.id === id) u.passwordHash = hash;
    },
    // Room for every test of the suite from one address; the lockout test sets its own pair limit.
    throttle: { ip: { freeAttempts: 10_000 }, pair: { freeAttempts: 5, baseDelayMs: 60_000 } },
    twoFactor,
    onEvent: (e) => events.push(e.rule),
  });
  return { auth, users, code, events };
}

function httpSuite(framework: Framework) {
  describe(`HTTP with ${framework}`, () => {
    let app: RunningApp;
    let ctx: Awaited<ReturnType<typeof makeAuth>>;
    let auth: Auth;
    before(async () => {
      ctx = await makeAuth();
      auth = ctx.auth;
      app = await startApp(framework, auth);
    });
    after(() => app.close());

    const login = (username: string, password: string, headers: Record<string, string> = {}) => request(app.base, '/login', { method: 'POST', json: { username, password }, headers });

    it('login sets a __Host- cookie (HttpOnly, Secure, SameSite=Lax) and returns the CSRF token', async () => {
      const r = await login('alice', PASSWORD);
      assert.equal(r.status, 200);
      assert.equal(r.body.ok, true);
      assert.match(r.body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(r.headers['cache-control'], 'no-store');
      const setCookie = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
      assert.equal(setCookie.length, 1);
      assert.match(setCookie[0], /^__Host-sid=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      const me = await request(app.base, '/me', { headers: { cookie: cookieFrom(r) } });
      assert.deepEqual([me.status, me.body], [200, { userId: 'u-alice' }]);
    });

    it('unknown user and wrong password get the same status and the same body', async () => {
      const unknown = await login('nobody-here', 'some-password-1');
      const wrong = await login('alice', 'some-password-1');
      assert.equal(unknown.status, 401);
      assert.equal(wrong.status, unknown.status);
      assert.equal(wrong.text, unknown.text);
      assert.deepEqual(unknown.body, { error: LOGIN_FAILED_MESSAGE });
      assert.equal(wrong.headers['set-cookie'], undefined);
      assert.equal(unknown.headers['set-cookie'], undefined);
      const missing = await request(app.base, '/login', { method: 'POST', json: { user: ['alice'] } });
      assert.deepEqual([missing.status, missing.body], [401, { error: LOGIN_FAILED_MESSAGE }]);
    });

    it('a new session id at every login (no fixation); the id sent before login stops working', async () => {
      const first = await login('alice', PASSWORD);
      // Signed in already, the login form is a cookie-authenticated POST too: it needs the token.
      assert.equal((await login('alice', PASSWORD, { cookie: cookieFrom(first) })).status, 403);
      const again = await login('alice', PASSWORD, { cookie: cookieFrom(first), 'x-csrf-token': first.body.csrfToken });
      assert.notEqual(cookieFrom(again), cookieFrom(first));
      assert.equal((await request(app.base, '/me', { headers: { cookie: cookieFrom(first) } })).status, 401);
      assert.equal((await request(app.base, '/me', { headers: { cookie: cookieFrom(again) } })).status, 200);
    });

    it('CSRF: a cookie-authenticated POST needs the token and a same-site origin', async () => {
      const r = await login('alice', PASSWORD);
      const cookie = cookieFrom(r);
      const token = r.body.csrfToken as string;
      const post = (headers: Record<string, string>, json: unknown = { item: 1 }) => request(app.base, '/orders', { method: 'POST', json, headers: { cookie, ...headers } });
      assert.equal((await post({})).status, 403, 'no token');
      assert.equal((await post({ 'x-csrf-token': 'x'.repeat(43) })).status, 403, 'wrong token');
      assert.equal((await post({ 'x-csrf-token': token, 'sec-fetch-site': 'cross-site' })).status, 403, 'cross-site');
      assert.equal((await post({ 'x-csrf-token': token, origin: 'https://evil.example' })).status, 403, 'foreign origin');
      const ok = await post({ 'x-csrf-token': token, 'sec-fetch-site': 'same-origin' });
      assert.deepEqual([ok.status, ok.body], [200, { ok: true, by: 'u-alice' }]);
      if (framework === 'express') {
        // After a page reload the app reads the token from req.auth.csrfToken to render it again.
        assert.deepEqual((await request(app.base, '/csrf', { headers: { cookie } })).body, { csrfToken: token });
      }
      const viaBody = await post({}, { item: 1, _csrf: token });
      assert.equal(viaBody.status, 200, 'token in the body field');
      assert.equal((await request(app.base, '/orders', { method: 'POST', json: {} })).status, 401, 'no session at all');
      assert.equal(ctx.events.includes('csrf-rejected'), true);
    });

    it('a cross-site login form is refused (login CSRF)', async () => {
      const r = await login('alice', PASSWORD, { 'sec-fetch-site': 'cross-site' });
      assert.equal(r.status, 403);
      assert.equal(r.headers['set-cookie'], undefined);
    });

    it('logout ends the session and clears the cookie', async () => {
      const r = await login('alice', PASSWORD);
      const cookie = cookieFrom(r);
      const out = await request(app.base, '/logout', { method: 'POST', json: {}, headers: { cookie, 'x-csrf-token': r.body.csrfToken } });
      assert.equal(out.status, 200);
      assert.match(String(out.headers['set-cookie']), /^__Host-sid=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax$/);
      assert.equal((await request(app.base, '/me', { headers: { cookie } })).status, 401);
    });

    it('logout everywhere ends every session of the user', async () => {
      const a = await login('dora', PASSWORD);
      const b = await login('dora', PASSWORD);
      const other = await login('alice', PASSWORD);
      const out = await request(app.base, '/logout-everywhere', { method: 'POST', json: {}, headers: { cookie: cookieFrom(a), 'x-csrf-token': a.body.csrfToken } });
      assert.deepEqual([out.status, out.body], [200, { ok: true, ended: 2 }]);
      assert.equal((await request(app.base, '/me', { headers: { cookie: cookieFrom(b) } })).status, 401);
      assert.equal((await request(app.base, '/me', { headers: { cookie: cookieFrom(other) } })).status, 200);
    });

    it('repeated failures lock the (user, IP) pair with 429 and Retry-After, the same for unknown users', async () => {
      const statuses = async (user: string) => {
        const out: number[] = [];
        for (let i = 0; i < 8; i++) out.push((await login(user, `wrong-password-${i}`)).status);
        return out;
      };
      const real = await statuses('erik');
      assert.deepEqual(real, [401, 401, 401, 401, 401, 401, 429, 429]);
      assert.deepEqual(await statuses('ghost-user'), real);
      const locked = await login('erik', PASSWORD);
      assert.equal(locked.status, 429, 'even the right password waits out the lock');
      assert.ok(Number(locked.headers['retry-after']) > 0);
      assert.deepEqual(locked.body, { error: 'Too many attempts. Try again later.' });
    });

    it('a bcrypt hash from an older system logs in and is rehashed to argon2id on the spot', async () => {
      assert.ok(ctx.users.get('bob')!.passwordHash.startsWith('$2'));
      assert.equal((await login('bob', 'bob-legacy-password')).status, 200);
      assert.match(ctx.users.get('bob')!.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      assert.equal((await login('bob', 'bob-legacy-password')).status, 200);
      assert.ok(ctx.events.includes('password-rehashed'));
    });

    it('hostile input never gets past 401/403/4xx and never crashes the server', async () => {
      const bodies: unknown[] = [
        { username: 'alice', password: 'x'.repeat(200_000) },
        { username: 'a'.repeat(50_000), password: PASSWORD },
        { username: { $ne: null }, password: { $ne: null } },
        { username: ['alice', 'bob'], password: [PASSWORD] },
        { username: 'alice', password: 12345678 },
        { username: 'alice\u0000', password: PASSWORD },
        { username: '__proto__', password: PASSWORD },
        { constructor: { prototype: { admin: true } } },
        [],
        'just a string',
      ];
      for (const json of bodies) {
        const r = await request(app.base, '/login', { method: 'POST', json });
        assert.ok(r.status >= 400 && r.status < 500, `${JSON.stringify(json).slice(0, 60)} -> ${r.status}`);
        assert.equal(r.headers['set-cookie'], undefined);
      }
      const cookies = [`__Host-sid=${'A'.repeat(43)}`, '__Host-sid=%%%', `__Host-sid=${'x'.repeat(7000)}`, '__Host-sid=a; __Host-sid=b', '=;=;=;'];
      for (const cookie of cookies) {
        const r = await request(app.base, '/orders', { method: 'POST', json: {}, headers: { cookie, 'x-csrf-token': 'y' } });
        assert.equal(r.status, 401, cookie.slice(0, 40));
      }
      assert.equal((await login('alice', PASSWORD)).status, 200, 'still serving');
    });

    it('2FA: the password gives a pending session; the TOTP code upgrades it under a new id', async () => {
      const r = await login('carol', PASSWORD);
      assert.deepEqual([r.status, r.body.secondFactor], [200, 'required']);
      const pending = cookieFrom(r);
      assert.equal((await request(app.base, '/me', { headers: { cookie: pending } })).status, 401, 'not signed in yet');
      const bad = await request(app.base, '/login/2fa', { method: 'POST', json: { code: '000000' }, headers: { cookie: pending, 'x-csrf-token': r.body.csrfToken } });
      assert.equal(bad.status, 401);
      const good = await request(app.base, '/login/2fa', { method: 'POST', json: { code: ctx.code() }, headers: { cookie: pending, 'x-csrf-token': r.body.csrfToken } });
      assert.equal(good.status, 200);
      const upgraded = cookieFrom(good);
      assert.notEqual(upgraded, pending);
      assert.equal((await request(app.base, '/me', { headers: { cookie: pending } })).status, 401, 'the pending id is gone');
      assert.deepEqual((await request(app.base, '/me', { headers: { cookie: upgraded } })).body, { userId: 'u-carol' });
      // The same code cannot serve a second login.
      const r2 = await login('carol', PASSWORD);
      const replay = await request(app.base, '/login/2fa', { method: 'POST', json: { code: ctx.code() }, headers: { cookie: cookieFrom(r2), 'x-csrf-token': r2.body.csrfToken } });
      assert.equal(replay.status, 401);
    });
  });
}

for (const f of ['express', 'fastify', 'koa', 'node:http'] as const) httpSuite(f);
