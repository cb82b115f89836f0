import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SecurityEvent } from '@rampart/core';
import { readFileSync } from 'node:fs';
import { AuthSetupError, DEFAULTS, createAuth, memoryThrottleStore, createPasswordReset, hashPassword, type AuthRequest, type AuthUser } from '@rampart/auth';

const PASSWORD = 'current-password-42';

async function setup(extra: Partial<Parameters<typeof createAuth>[0]> = {}) {
  const users = new Map<string, AuthUser>([['alice', { id: 'u-alice', passwordHash: await hashPassword(PASSWORD) }]]);
  const events: SecurityEvent[] = [];
  const auth = createAuth({
    findUser: async (u) => users.get(u),
    updatePasswordHash: async (id, hash) => {
      for (const u of users.values()) if (u.id === id) u.passwordHash = hash;
    },
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { auth, users, events };
}

const ip = '192.0.2.10';

describe('password change (ASVS V6.2.2, V6.2.3, V7.4.3)', () => {
  it('needs the current password and a new one that passes the policy; ends the other sessions', async () => {
    const { auth } = await setup();
    const here = await auth.sessions.create('u-alice');
    const elsewhere = await auth.sessions.create('u-alice');
    const wrong = await auth.changePassword({ username: 'alice', currentPassword: 'nope-nope-nope', newPassword: 'a brand new passphrase', ip, current: here.session });
    assert.deepEqual([wrong.ok, !wrong.ok && wrong.problem], [false, 'invalid-credentials']);
    const weak = await auth.changePassword({ username: 'alice', currentPassword: PASSWORD, newPassword: 'password1', ip, current: here.session });
    assert.deepEqual([weak.ok, !weak.ok && weak.problem], [false, 'breached']);
    const own = await auth.changePassword({ username: 'alice', currentPassword: PASSWORD, newPassword: 'alice2024!', ip, current: here.session });
    assert.deepEqual([own.ok, !own.ok && own.problem], [false, 'context-word'], 'the username is a context word');
    const ok = await auth.changePassword({ username: 'alice', currentPassword: PASSWORD, newPassword: 'a brand new passphrase', ip, current: here.session });
    assert.equal(ok.ok, true);
    assert.equal((await auth.login({ username: 'alice', password: 'a brand new passphrase', ip })).ok, true);
    assert.equal((await auth.login({ username: 'alice', password: PASSWORD, ip })).ok, false);
    assert.ok(await auth.sessions.load(here.setCookie.split(';')[0]), 'the session that changed it stays');
    assert.equal(await auth.sessions.load(elsewhere.setCookie.split(';')[0]), undefined, 'the others end');
  });
});

describe('password reset completion (ASVS V6.4.3, V7.4.3)', () => {
  it('weak passwords do not burn the token; success ends every session and signs nobody in; tokens are single-use', async () => {
    const { auth } = await setup();
    const tokens: string[] = [];
    const reset = createPasswordReset({ findUser: async (e) => (e === 'alice@example.com' ? { id: 'u-alice' } : undefined), deliver: async (_u, t) => void tokens.push(t) });
    const s = await auth.sessions.create('u-alice');
    await reset.request('alice@example.com');
    await new Promise((r) => setImmediate(r));
    const weak = await auth.resetPassword(reset, tokens[0], '12345678');
    assert.equal(!weak.ok && weak.problem, 'breached');
    const ok = await auth.resetPassword(reset, tokens[0], 'reset to a long passphrase');
    assert.deepEqual(ok, { ok: true, userId: 'u-alice' });
    assert.equal(await auth.sessions.load(s.setCookie.split(';')[0]), undefined);
    const again = await auth.resetPassword(reset, tokens[0], 'another long passphrase');
    assert.equal(!again.ok && again.problem, 'invalid-token');
    assert.equal((await auth.login({ username: 'alice', password: 'reset to a long passphrase', ip })).ok, true);
  });
});

describe('login core', () => {
  it('events: failures carry a loggable reason (unknown user vs mismatch) the client never sees', async () => {
    const { auth, events } = await setup();
    await auth.login({ username: 'alice', password: 'wrong-password', ip });
    await auth.login({ username: 'mallory', password: 'wrong-password', ip });
    const failures = events.filter((e) => e.rule === 'login-failure');
    assert.deepEqual(failures.map((e) => e.details?.reason), ['mismatch', 'unknown-user']);
    for (const e of failures) {
      assert.equal(e.kind, 'auth');
      assert.equal(e.practice, 2);
      assert.ok(!JSON.stringify(e).includes('wrong-password'), 'no password in events');
    }
  });

  it('a throwing event sink never breaks a login', async () => {
    const { auth } = await setup({ onEvent: () => { throw new Error('logger down'); } });
    assert.equal((await auth.login({ username: 'alice', password: PASSWORD, ip })).ok, true);
  });

  it('non-string credentials (JSON objects, arrays) fail like wrong passwords', async () => {
    const { auth } = await setup();
    for (const [username, password] of [[{ $ne: null }, PASSWORD], ['alice', { $gt: '' }], [['alice'], [PASSWORD]], [undefined, undefined]]) {
      const r = await auth.login({ username, password, ip });
      assert.deepEqual([r.ok, !r.ok && r.failure], [false, 'invalid-credentials']);
    }
  });

  it('the step-up hook (CAPTCHA) is asked once an account is past stepUpAfter', async () => {
    let captcha = false;
    let hookCalls = 0;
    const stepUp = async (req: AuthRequest) => {
      hookCalls++;
      return captcha && req.header('x-captcha') === 'solved';
    };
    const { auth } = await setup({ throttle: { stepUpAfter: 3, ip: { freeAttempts: 1000 }, pair: { freeAttempts: 1000 }, user: { freeAttempts: 1000 } }, stepUp });
    const req = (password: string, headers: Record<string, string> = {}): AuthRequest => ({ method: 'POST', header: (n) => headers[n], ip, body: { username: 'alice', password } });
    for (let i = 0; i < 3; i++) assert.equal((await auth.handleLogin(req('wrong-one'))).status, 401);
    assert.equal(hookCalls, 0, 'the hook is not asked while the account needs no step-up');
    const asked = await auth.handleLogin(req(PASSWORD));
    assert.deepEqual([asked.status, asked.body], [401, { error: 'Invalid username or password.', stepUp: 'required' }]);
    captcha = true;
    const ok = await auth.handleLogin(req(PASSWORD, { 'x-captcha': 'solved' }));
    assert.equal(ok.status, 200);
  });

  it('usernameField: a login form that asks for an email logs in with { email, password }, and only that field counts', async () => {
    const { auth } = await setup({ usernameField: 'email' });
    const req = (body: Record<string, unknown>): AuthRequest => ({ method: 'POST', header: () => undefined, ip, body });
    const ok = await auth.handleLogin(req({ email: 'alice', password: PASSWORD }));
    assert.equal(ok.status, 200);
    assert.match(String(ok.headers['set-cookie']), /^__Host-sid=/);
    const other = await auth.handleLogin(req({ username: 'alice', password: PASSWORD }));
    assert.deepEqual([other.status, other.body], [401, { error: 'Invalid username or password.' }], 'the default field is not read any more');
    assert.throws(() => createAuth({ findUser: async () => undefined, usernameField: 'e-mail' }), /usernameField/);
    assert.throws(() => createAuth({ findUser: async () => undefined, usernameField: 'password' }), /usernameField/);
  });

  it('a failing throttle store fails the login closed (an error, never a success)', async () => {
    const broken = { ...memoryThrottleStore(), attempt: async () => { throw new Error('ECONNREFUSED 127.0.0.1:6379'); } };
    const { auth } = await setup({ throttle: { store: broken } });
    await assert.rejects(auth.login({ username: 'alice', password: PASSWORD, ip }), /ECONNREFUSED/);
    const req: AuthRequest = { method: 'POST', header: () => undefined, ip, body: { username: 'alice', password: PASSWORD } };
    await assert.rejects(auth.handleLogin(req), /ECONNREFUSED/);
  });

  it('isRecentlyAuthenticated: for re-authentication before sensitive changes', async () => {
    const { auth } = await setup();
    const { session } = await auth.sessions.create('u-alice');
    assert.equal(auth.isRecentlyAuthenticated(session, 60_000), true);
    assert.equal(auth.isRecentlyAuthenticated({ ...session, record: { ...session.record, authenticatedAt: Date.now() - 120_000 } }, 60_000), false);
    assert.equal(auth.isRecentlyAuthenticated(undefined, 60_000), false);
  });

  it('setup errors name the option', () => {
    assert.throws(() => createAuth({} as never), (e: unknown) => e instanceof AuthSetupError && /findUser/.test((e as Error).message));
    assert.throws(() => createAuth({ findUser: async () => undefined, sesions: {} } as never), /Did you mean `sessions`/);
    assert.throws(() => createAuth({ findUser: async () => undefined, throttle: { accountCeiling: 500 } }), /at most 100/);
  });
});

describe('docs stay true', () => {
  it('docs/auth.md names every key of DEFAULTS', () => {
    const doc = readFileSync(new URL('../../../docs/auth.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Defaults'), doc.indexOf('## Installing'));
    for (const [group, values] of Object.entries(DEFAULTS)) {
      for (const key of Object.keys(values)) assert.ok(section.includes(key), `${group}.${key} missing from the Defaults table`);
    }
    assert.ok(Object.isFrozen(DEFAULTS) && Object.isFrozen(DEFAULTS.throttle.pair));
  });
});
