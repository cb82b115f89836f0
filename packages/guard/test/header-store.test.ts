/**
 * The guard writes its setup-checked headers straight into Node's header store and enforces
 * cookie flags and no-store from one writeHead hook on the prototype. Both are per-request
 * savings that must stay invisible: the response reads and sends exactly as with setHeader.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import express from 'express';
import { rampart } from '@rampart/guard';
import { directHeaderWrites, trustedHeaders, writeTrustedHeader, writeTrustedHeaders } from '../src/headers/header-store.ts';
import { check } from './helpers/check.ts';

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('direct header writes', () => {
  it('are used on this Node version (a Node upgrade that moves the store fails here, not silently slower)', () => {
    assert.equal(directHeaderWrites, true);
  });

  it('read, override, append, remove and send like setHeader', async () => {
    const fixed = trustedHeaders(['X-Frame-Options', 'SAMEORIGIN', 'X-Content-Type-Options', 'nosniff', 'Referrer-Policy', 'no-referrer']);
    const seen: Record<string, unknown> = {};
    const app = await serve((_req, res) => {
      writeTrustedHeaders(res, fixed);
      writeTrustedHeader(res, 'X-Request-Id', 'x-request-id', 'abc-123');
      seen.get = res.getHeader('x-frame-options');
      seen.has = res.hasHeader('X-Content-Type-Options');
      seen.names = res.getHeaderNames();
      seen.headers = { ...res.getHeaders() };
      res.setHeader('X-Frame-Options', 'DENY'); // the app's own value wins
      res.appendHeader('X-Request-Id', 'def-456');
      res.removeHeader('Referrer-Policy');
      res.end('ok');
    });
    try {
      const r = await check(app, { path: '/' });
      assert.equal(seen.get, 'SAMEORIGIN');
      assert.equal(seen.has, true);
      assert.deepEqual(seen.names, ['x-frame-options', 'x-content-type-options', 'referrer-policy', 'x-request-id']);
      assert.deepEqual(seen.headers, { 'x-frame-options': 'SAMEORIGIN', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-request-id': 'abc-123' });
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('referrer-policy'), null);
      assert.equal(r.headers.get('x-request-id'), 'abc-123, def-456');
      // A second response starts clean: nothing is shared between responses.
      const again = await check(app, { path: '/' });
      assert.equal(again.headers.get('x-request-id'), 'abc-123, def-456');
    } finally {
      await app.close();
    }
  });

  it('refuse at setup a header value HTTP does not allow, instead of failing every request', () => {
    assert.throws(() => trustedHeaders(['X-Bad', 'a\r\nSet-Cookie: x=1']), /Invalid character/);
    assert.throws(() => rampart({ rootCheck: false, logger: false, headers: { contentSecurityPolicy: { directives: { imgSrc: ['https://€.example'] } } } }), /characters HTTP does not allow/);
  });
});

describe('the writeHead hook', () => {
  it('flags a cookie set by a writeHead wrapper installed before the guard (express-session through on-headers)', async () => {
    const app = express();
    app.use((_req, res, next) => {
      // What on-headers does: wrap this response's writeHead and set a header at the last moment.
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
        this.setHeader('Set-Cookie', 'sid=s1; Path=/');
        return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
      } as typeof res.writeHead;
      next();
    });
    const guard = rampart({ rootCheck: false, logger: false, events: { sinks: [] } });
    app.use(guard);
    app.get('/login', (_req, res) => res.json({ ok: true }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const r = await check({ url: `http://127.0.0.1:${port}` }, { path: '/login' });
      assert.equal(r.headers.get('set-cookie'), 'sid=s1; Path=/; Secure; HttpOnly; SameSite=Lax');
      assert.equal(r.headers.get('cache-control'), 'no-store', 'a response that sets the session cookie is not cached');
      // The full header set is there on a JSON answer.
      for (const name of ['content-security-policy', 'strict-transport-security', 'x-frame-options', 'x-content-type-options', 'permissions-policy', 'x-request-id', 'ratelimit-limit']) {
        assert.ok(r.headers.get(name), `${name} missing`);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await guard.close();
    }
  });

  it('leaves responses of servers without the guard untouched', async () => {
    // Installed process-wide by the guard above; a plain server's cookie keeps its own flags.
    const guard = rampart({ rootCheck: false, logger: false, events: { sinks: [] } });
    const app = await serve((_req, res) => {
      res.setHeader('Set-Cookie', 'plain=1');
      res.end('ok');
    });
    try {
      const r = await check(app, { path: '/' });
      assert.equal(r.headers.get('set-cookie'), 'plain=1');
      assert.equal(r.headers.get('cache-control'), null);
    } finally {
      await app.close();
      await guard.close();
    }
  });
});

describe('req.requestId', () => {
  it('reads the guard\'s id on Express and node:http, is undefined without a guard, and takes an assignment', async () => {
    const guard = rampart({ rootCheck: false, logger: false, events: { sinks: [] } });
    const app = express();
    app.use(guard);
    app.get('/id', (req, res) => res.json({ id: (req as { requestId?: string }).requestId, local: res.locals.requestId }));
    app.get('/assign', (req, res) => {
      (req as { requestId?: string }).requestId = 'mine';
      res.json({ id: (req as { requestId?: string }).requestId });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const plain = await serve((req, res) => res.end(JSON.stringify({ id: (req as { requestId?: string }).requestId ?? null })));
    const httpHandler = rampart.http((req, res) => res.json({ id: req.requestId }), { rootCheck: false, logger: false, events: { sinks: [] } });
    const wrapped = await serve(httpHandler);
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      assert.deepEqual((await check({ url }, { path: '/id', headers: { 'x-request-id': 'rid-1' } })).json(), { id: 'rid-1', local: 'rid-1' });
      assert.deepEqual((await check({ url }, { path: '/assign' })).json(), { id: 'mine' });
      assert.deepEqual((await check(plain, { path: '/' })).json(), { id: null });
      assert.deepEqual((await check(wrapped, { path: '/', headers: { 'x-request-id': 'rid-2' } })).json(), { id: 'rid-2' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await plain.close();
      await wrapped.close();
      await httpHandler.close();
      await guard.close();
    }
  });
});
