/**
 * The same behaviour table, run against every adapter (Express 4, Express 5, Fastify 5, Koa,
 * node:http) with real servers and real HTTP requests: headers, nonces, cookies, no-store,
 * request ids, safe errors, deliberate 4xx, input checks, validation, response filtering.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FRAMEWORKS, SECRET_ERROR, type Framework } from './helpers/apps.ts';
import { check, guardedApp, settle, type TestApp } from './helpers/check.ts';

/** Routes that rely on rampart.validate(), which node:http has no router to attach to. */
const NEEDS_ROUTER = new Set<Framework>(['node-http']);

function assertNoLeak(text: string): void {
  for (const fragment of ['hunter2', 'postgres://', '/srv/app', 'SELECT', 'ECONNREFUSED', 'at ', '.js:']) {
    assert.ok(!text.includes(fragment), `answer leaks ${JSON.stringify(fragment)}: ${text.slice(0, 300)}`);
  }
}

for (const framework of FRAMEWORKS) {
  describe(`rampart on ${framework}`, () => {
    let app: TestApp;
    before(async () => {
      app = await guardedApp(framework);
    });
    after(async () => {
      await app.close();
    });

    it('sets every helmet header plus CSP with a nonce, HSTS, Permissions-Policy, and no X-Powered-By', async () => {
      const r = await check(app, { path: '/hello' });
      assert.equal(r.status, 200);
      assert.deepEqual(r.json(), { hello: 'world' });
      const h = r.headers;
      assert.equal(h.get('x-content-type-options'), 'nosniff');
      assert.equal(h.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(h.get('referrer-policy'), 'no-referrer');
      assert.equal(h.get('cross-origin-opener-policy'), 'same-origin');
      assert.equal(h.get('cross-origin-resource-policy'), 'same-origin');
      assert.equal(h.get('origin-agent-cluster'), '?1');
      assert.equal(h.get('x-dns-prefetch-control'), 'off');
      assert.equal(h.get('x-download-options'), 'noopen');
      assert.equal(h.get('x-permitted-cross-domain-policies'), 'none');
      assert.equal(h.get('x-xss-protection'), '0');
      assert.equal(h.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
      assert.match(h.get('permissions-policy') ?? '', /camera=\(\)/);
      assert.equal(h.get('x-powered-by'), null);
      const csp = h.get('content-security-policy') ?? '';
      assert.match(csp, /^default-src 'none'/);
      assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='/);
      assert.match(csp, /upgrade-insecure-requests/);
      assert.equal(h.get('cross-origin-embedder-policy'), null);
    });

    it('gives each request a fresh nonce that templates can use', async () => {
      const a = await check(app, { path: '/html' });
      const b = await check(app, { path: '/html' });
      const nonceA = /'nonce-([^']+)'/.exec(a.headers.get('content-security-policy') ?? '')?.[1];
      const nonceB = /'nonce-([^']+)'/.exec(b.headers.get('content-security-policy') ?? '')?.[1];
      assert.ok(nonceA && nonceB && nonceA !== nonceB);
      assert.ok(a.text.includes(`nonce="${nonceA}"`), a.text);
    });

    it('keeps plain-HTTP localhost development working: no HSTS, no upgrade-insecure-requests', async () => {
      const port = new URL(app.url).port;
      const r = await check(app, { path: '/hello', headers: { host: `localhost:${port}` } });
      assert.equal(r.headers.get('strict-transport-security'), null);
      assert.doesNotMatch(r.headers.get('content-security-policy') ?? '', /upgrade-insecure-requests/);
      const proxied = await check(app, { path: '/hello', headers: { host: `localhost:${port}`, 'x-forwarded-proto': 'https' } });
      assert.ok(proxied.headers.get('strict-transport-security'));
    });

    it('accepts a well-formed X-Request-Id, replaces a hostile one, and echoes it', async () => {
      const ok = await check(app, { path: '/hello', headers: { 'x-request-id': 'abc-123' } });
      assert.equal(ok.headers.get('x-request-id'), 'abc-123');
      const hostile = await check(app, { path: '/hello', headers: { 'x-request-id': '<script>alert(1)</script>' } });
      assert.match(hostile.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    });

    it('adds Secure, HttpOnly and SameSite to cookies, except HttpOnly on script-readable CSRF cookies', async () => {
      const r = await check(app, { path: '/cookie' });
      const cookies = r.headers.getSetCookie();
      const sid = cookies.find((c) => c.startsWith('sid='));
      const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='));
      assert.ok(sid && xsrf, cookies.join(' | '));
      assert.match(sid, /; Secure/);
      assert.match(sid, /; HttpOnly/i);
      assert.match(sid, /; SameSite=Lax/i);
      assert.match(xsrf, /; Secure/);
      assert.doesNotMatch(xsrf, /HttpOnly/i);
      // A response that sets the session cookie (a login) is not cached either.
      assert.equal(r.headers.get('cache-control'), 'no-store');
    });

    it('sends Cache-Control: no-store on authenticated responses only', async () => {
      const anonymous = await check(app, { path: '/private' });
      assert.notEqual(anonymous.headers.get('cache-control'), 'no-store');
      const bearer = await check(app, { path: '/private', headers: { authorization: 'Bearer x' } });
      assert.equal(bearer.headers.get('cache-control'), 'no-store');
      const session = await check(app, { path: '/private', headers: { cookie: 'theme=dark; connect.sid=s%3Aabc' } });
      assert.equal(session.headers.get('cache-control'), 'no-store');
      const lookalike = await check(app, { path: '/private', headers: { cookie: 'notsid=1' } });
      assert.notEqual(lookalike.headers.get('cache-control'), 'no-store');
    });

    it('answers a thrown error with a generic body and request id, and logs the full error', async () => {
      const r = await check(app, { path: '/boom', headers: { 'x-request-id': 'req-boom-1' } });
      assert.equal(r.status, 500);
      assert.deepEqual(r.json(), { error: 'Internal error', requestId: 'req-boom-1' });
      assertNoLeak(r.text);
      const logged = app.logs.find((l) => l.requestId === 'req-boom-1');
      assert.ok(logged, 'the error is logged with its request id');
      assert.match(JSON.stringify(logged), /ECONNREFUSED/);
      assert.ok((logged.err as { stack?: string }).stack?.includes('apps.ts'));
      await settle();
      assert.ok(app.eventsOf('unhandled-error').some((e) => e.requestId === 'req-boom-1'));
    });

    it('answers browsers with an HTML page, still without details', async () => {
      const r = await check(app, { path: '/boom', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      assert.equal(r.status, 500);
      assert.match(r.headers.get('content-type') ?? '', /text\/html/);
      assert.match(r.text, /Internal error/);
      assertNoLeak(r.text);
    });

    it('catches rejected async handlers', async () => {
      const r = await check(app, { path: '/async-boom' });
      assert.equal(r.status, 500);
      assert.equal((r.json() as { error: string }).error, 'Internal error');
      assertNoLeak(r.text);
    });

    it('keeps the message of a deliberate 4xx error', async () => {
      const r = await check(app, { path: '/deliberate' });
      assert.equal(r.status, 404);
      assert.equal((r.json() as { error: string }).error, 'No order 42 for this account');
    });

    it('refuses prototype keys and operator objects in JSON bodies', async () => {
      for (const body of ['{"__proto__":{"isAdmin":true}}', '{"user":{"constructor":{"prototype":{"x":1}}}}', '{"username":"ann","password":{"$ne":null}}', '[{"$where":"sleep(1000)"}]']) {
        const r = await check(app, { path: '/echo', body });
        assert.equal(r.status, 400, `${body} -> ${r.status} ${r.text}`);
      }
      const fine = await check(app, { path: '/echo', body: { username: 'ann', tags: ['a', 'b'], price: 5 } });
      assert.equal(fine.status, 200);
      assert.deepEqual(fine.json(), { body: { username: 'ann', tags: ['a', 'b'], price: 5 } });
      await settle();
      assert.ok(app.eventsOf('operator-key').length > 0);
      assert.ok(app.eventsOf('prototype-key').length > 0);
    });

    if (framework === 'express4' || framework === 'express5' || framework === 'koa' || framework === 'koa2') {
      it('strips operator and prototype keys from form bodies parsed after the guard (qs nesting)', async () => {
        const r = await check(app, { path: '/echo', body: 'username=ann&user[$ne]=x&role[__proto__][admin]=1&tags[]=a', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-request-id': 'form-1' } });
        assert.equal(r.status, 200, r.text);
        const body = (r.json() as { body: Record<string, unknown> }).body;
        assert.equal(body.username, 'ann');
        assert.deepEqual(body.user, {});
        assert.ok(!JSON.stringify(body).includes('$ne'));
        assert.ok(!JSON.stringify(body).includes('admin'));
        await settle();
        assert.ok(app.eventsOf('operator-key').some((e) => e.requestId === 'form-1' && e.action === 'redacted'));
      });
    }

    it('refuses operator and prototype keys in query strings, keeps ordinary ones', async () => {
      for (const q of ['user[$ne]=x', 'user%5B%24gt%5D=', 'a[__proto__][polluted]=1', '__proto__.x=1', 'constructor[prototype][x]=1']) {
        const r = await check(app, { path: `/query?${q}` });
        assert.equal(r.status, 400, `${q} -> ${r.status} ${r.text}`);
      }
      const ok = await check(app, { path: '/query?q=shoes&$top=10&sort=price' });
      assert.equal(ok.status, 200);
    });

    it('refuses malformed and too-deep JSON with 400, oversized bodies with 413', async () => {
      assert.equal((await check(app, { path: '/echo', body: '{"a":' })).status, 400);
      assert.equal((await check(app, { path: '/echo', body: '['.repeat(5000) + ']'.repeat(5000) })).status, 400);
      const big = await check(app, { path: '/echo', body: JSON.stringify({ a: 'x'.repeat(1024 * 1024 + 10) }) });
      assert.equal(big.status, 413);
    });

    it('removes denied fields (any case or separator) from responses and reports it', async () => {
      const r = await check(app, { path: '/user', headers: { 'x-request-id': 'req-deny-1' } });
      assert.equal(r.status, 200);
      const body = r.json() as Record<string, unknown>;
      assert.equal(body.name, 'Ann');
      assert.equal(body.email, 'ann@example.com');
      assert.ok(!('passwordHash' in body));
      assert.deepEqual(body.profile, { city: 'Oslo' });
      assert.deepEqual(body.orders, [{ id: 1, total: 5 }]);
      await settle();
      const event = app.eventsOf('denied-field').find((e) => e.requestId === 'req-deny-1');
      assert.ok(event);
      assert.equal(event.kind, 'response-filter');
      assert.equal(event.practice, 5);
    });

    it('echoes the request id and sets X-Request-Id on errors too', async () => {
      const r = await check(app, { path: '/boom' });
      const id = r.headers.get('x-request-id');
      assert.ok(id);
      assert.equal((r.json() as { requestId: string }).requestId, id);
    });

    if (!NEEDS_ROUTER.has(framework)) {
      it('validates bodies, params and query with zod and answers 400 with a safe message', async () => {
        const bad = await check(app, { path: '/users', body: { name: '', age: 'forty' } });
        assert.equal(bad.status, 400);
        const json = bad.json() as { error: string; details: string[] };
        assert.equal(json.error, 'Invalid request');
        assert.ok(json.details.some((d) => d.startsWith('body.age')), JSON.stringify(json));
        assert.ok(!bad.text.includes('forty'), 'the offending value is not echoed');
        const good = await check(app, { path: '/users', body: { name: 'Ann', age: 40, extra: 'dropped' } });
        assert.equal(good.status, 201);
        assert.deepEqual(good.json(), { name: 'Ann', age: 40 });
        assert.equal((await check(app, { path: '/orders/abc' })).status, 400);
        assert.deepEqual((await check(app, { path: '/orders/12' })).json(), { id: 12 });
        assert.equal((await check(app, { path: `/search?q=${'x'.repeat(30)}` })).status, 400);
        await settle();
        assert.ok(app.eventsOf('schema-validation').length >= 3);
      });

      it('keeps only allowlisted response fields on a route, and lets a route allow a denied one', async () => {
        assert.deepEqual((await check(app, { path: '/profile' })).json(), { id: 7, name: 'Ann', orders: [{ id: 1 }] });
        assert.deepEqual((await check(app, { path: '/login' })).json(), { token: 't-1', userId: 7 });
      });
    }
  });
}

describe('rampart on fastify, replies that bypass Fastify', () => {
  it('still sends the security headers and request id when a hijacked reply writes to reply.raw', async () => {
    const { default: Fastify } = await import('fastify');
    const { rampart } = await import('@rampart/guard');
    const app = Fastify({ logger: false });
    const guard = rampart.fastify({ logger: false, rootCheck: false });
    await app.register(guard as never);
    app.get('/raw', (_req, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { 'Content-Type': 'text/plain', 'X-Frame-Options': 'DENY' });
      reply.raw.end('raw');
    });
    app.get('/normal', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as { port: number };
      const raw = await fetch(`http://127.0.0.1:${port}/raw`, { headers: { 'X-Request-Id': 'req-raw-1' } });
      assert.equal(await raw.text(), 'raw');
      assert.match(raw.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.equal(raw.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(raw.headers.get('x-request-id'), 'req-raw-1');
      assert.equal(raw.headers.get('x-frame-options'), 'DENY', 'a header the app passed to writeHead wins');
      assert.ok(raw.headers.get('ratelimit-limit'));
      const normal = await fetch(`http://127.0.0.1:${port}/normal`);
      assert.deepEqual(await normal.json(), { ok: true });
      assert.equal(normal.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.match(normal.headers.get('content-security-policy') ?? '', /'nonce-/);
    } finally {
      await app.close();
      await guard.close();
    }
  });
});
