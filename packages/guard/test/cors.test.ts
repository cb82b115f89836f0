/** CORS: an allowlist (strings, RegExps, a function), preflights answered, Vary: Origin always. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FRAMEWORKS } from './helpers/apps.ts';
import { check, guardedApp, type TestApp } from './helpers/check.ts';

for (const framework of FRAMEWORKS) {
  describe(`CORS on ${framework}`, () => {
    let app: TestApp;
    before(async () => {
      app = await guardedApp(framework, { cors: { origins: ['https://app.example.com', /^https:\/\/[a-z0-9-]+\.preview\.example\.com$/], credentials: true, maxAge: 300 } });
    });
    after(() => app.close());

    it('allows a listed origin with credentials and Vary: Origin', async () => {
      const r = await check(app, { path: '/hello', headers: { origin: 'https://app.example.com' } });
      assert.equal(r.headers.get('access-control-allow-origin'), 'https://app.example.com');
      assert.equal(r.headers.get('access-control-allow-credentials'), 'true');
      assert.match(r.headers.get('vary') ?? '', /Origin/);
    });

    it('allows an origin matching a RegExp, not a lookalike', async () => {
      const ok = await check(app, { path: '/hello', headers: { origin: 'https://pr-12.preview.example.com' } });
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://pr-12.preview.example.com');
      const evil = await check(app, { path: '/hello', headers: { origin: 'https://pr-12.preview.example.com.evil.test' } });
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      assert.match(evil.headers.get('vary') ?? '', /Origin/);
    });

    it('answers an allowed preflight with methods, headers and max-age', async () => {
      const r = await check(app, { method: 'OPTIONS', path: '/echo', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type, x-request-id' } });
      assert.equal(r.status, 204);
      assert.match(r.headers.get('access-control-allow-methods') ?? '', /PUT/);
      assert.match(r.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
      assert.equal(r.headers.get('access-control-max-age'), '300');
    });

    it('refuses a preflight from an unlisted origin or for an unlisted header', async () => {
      const other = await check(app, { method: 'OPTIONS', path: '/echo', headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' } });
      assert.equal(other.status, 403);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const header = await check(app, { method: 'OPTIONS', path: '/echo', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-admin' } });
      assert.equal(header.status, 403);
    });
  });
}

describe('CORS with a function', () => {
  it('asks the function and never lets it throw into the request', async () => {
    const app = await guardedApp('express5', {
      cors: {
        origins: (origin) => {
          if (origin === 'https://boom.test') throw new Error('lookup failed');
          return origin.endsWith('.partner.test');
        },
      },
    });
    try {
      assert.equal((await check(app, { path: '/hello', headers: { origin: 'https://a.partner.test' } })).headers.get('access-control-allow-origin'), 'https://a.partner.test');
      const boom = await check(app, { path: '/hello', headers: { origin: 'https://boom.test' } });
      assert.equal(boom.status, 200);
      assert.equal(boom.headers.get('access-control-allow-origin'), null);
    } finally {
      await app.close();
    }
  });
});
