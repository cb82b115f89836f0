/** Every header is an option: another value, off, or merged directives; the app can still override per response. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, guardedApp } from './helpers/check.ts';

describe('header options', () => {
  it('changes, removes and merges headers as configured', async () => {
    const app = await guardedApp('express5', {
      headers: {
        xFrameOptions: 'DENY',
        crossOriginEmbedderPolicy: 'require-corp',
        referrerPolicy: false,
        strictTransportSecurity: { preload: true },
        permissionsPolicy: { geolocation: ['self'], camera: null },
        contentSecurityPolicy: { directives: { imgSrc: ["'self'", 'https://images.example.com'], upgradeInsecureRequests: null, reportUri: ['/csp'] } },
        noStore: { sessionCookies: ['my_session'] },
      },
    });
    try {
      const r = await check(app, { path: '/hello', headers: { cookie: 'my_session=1' } });
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
      assert.equal(r.headers.get('cross-origin-embedder-policy'), 'require-corp');
      assert.equal(r.headers.get('referrer-policy'), null);
      assert.equal(r.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains; preload');
      const pp = r.headers.get('permissions-policy') ?? '';
      assert.match(pp, /geolocation=\(self\)/);
      assert.doesNotMatch(pp, /camera/);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /img-src 'self' https:\/\/images\.example\.com/);
      assert.match(csp, /report-uri \/csp/);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/);
      assert.match(csp, /default-src 'none'/);
      assert.equal(r.headers.get('cache-control'), 'no-store');
    } finally {
      await app.close();
    }
  });

  it('lets report-only trial a policy and `false` switch headers off entirely', async () => {
    const app = await guardedApp('koa', { headers: { contentSecurityPolicy: { reportOnly: true } }, cookies: false, requestId: false });
    try {
      const r = await check(app, { path: '/cookie' });
      assert.equal(r.headers.get('content-security-policy'), null);
      assert.match(r.headers.get('content-security-policy-report-only') ?? '', /default-src 'none'/);
      assert.equal(r.headers.get('x-request-id'), null);
      assert.doesNotMatch(r.headers.getSetCookie().find((c) => c.startsWith('sid=')) ?? '', /Secure/);
    } finally {
      await app.close();
    }
    const bare = await guardedApp('fastify', { headers: false });
    try {
      const r = await check(bare, { path: '/hello' });
      assert.equal(r.headers.get('content-security-policy'), null);
      assert.equal(r.headers.get('x-frame-options'), null);
    } finally {
      await bare.close();
    }
  });

  it('sends __Host- cookies for listed names and maps them back for the app', async () => {
    const app = await guardedApp('node-http', { cookies: { hostPrefix: ['sid'] } });
    try {
      const r = await check(app, { path: '/cookie' });
      const sid = r.headers.getSetCookie().find((c) => c.includes('sid='));
      assert.match(sid ?? '', /^__Host-sid=abc; Path=\/; Secure; HttpOnly; SameSite=Lax$/);
    } finally {
      await app.close();
    }
  });
});

describe('cookie rewriting', async () => {
  const { compileCookiePolicy, COOKIE_DEFAULTS } = await import('../src/headers/set-cookie.ts');
  const policy = compileCookiePolicy({ ...COOKIE_DEFAULTS, hostPrefix: ['sid'] });
  const table: [string, string][] = [
    ['a=1', 'a=1; Secure; HttpOnly; SameSite=Lax'],
    ['a=1; secure; httponly; samesite=strict', 'a=1; secure; httponly; samesite=strict'],
    ['a=1; SameSite=None', 'a=1; SameSite=None; Secure; HttpOnly'],
    ['XSRF-TOKEN=t; Path=/', 'XSRF-TOKEN=t; Path=/; Secure; SameSite=Lax'],
    ['sid=s; Domain=example.com; Path=/app', '__Host-sid=s; Path=/; Secure; HttpOnly; SameSite=Lax'],
  ];
  for (const [input, output] of table) it(`${input} -> ${output}`, () => assert.equal(policy.rewrite(input, false), output));

  it('leaves Secure and the prefix out on plain-HTTP localhost', () => {
    assert.equal(policy.rewrite('sid=s', true), 'sid=s; HttpOnly; SameSite=Lax');
  });

  it('maps __Host-sid back to sid and drops a planted plain sid', () => {
    assert.equal(policy.incoming('sid=planted; theme=dark; __Host-sid=real'), 'theme=dark; sid=real');
    assert.equal(policy.incoming('theme=dark'), 'theme=dark');
  });
});

describe('response deny list bounds', async () => {
  const { compileDenyList, redactDenied, RESPONSE_FILTER_DEFAULTS } = await import('../src/response-filter/index.ts');
  const deny = compileDenyList(RESPONSE_FILTER_DEFAULTS);

  it('does not let a denied field hide below the depth it inspects', () => {
    let deep: Record<string, unknown> = { apiKey: 'k' };
    for (let i = 0; i < 100; i++) deep = { next: deep };
    const r = redactDenied({ ok: 1, deep }, deny);
    assert.ok(!JSON.stringify(r.value).includes('apiKey'));
    assert.equal((r.value as { ok: number }).ok, 1);
    assert.ok(r.removed.some((p) => p.includes('not inspected')));
  });

  it('never mutates the object it filters', () => {
    const user = { id: 1, PASSWORD: 'x', nested: [{ secret: 's', keep: true }] };
    const r = redactDenied(user, deny);
    assert.deepEqual(r.value, { id: 1, nested: [{ keep: true }] });
    assert.deepEqual(user, { id: 1, PASSWORD: 'x', nested: [{ secret: 's', keep: true }] });
  });
});
