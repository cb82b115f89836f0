import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { PROBE_DEFAULTS, probe, ProbeError, type ProbeResult } from '../src/index.ts';
import { startBareApp, startHardenedApp, startSpaApp, type Running } from './helpers/apps.ts';
import { createTestCa, type TestCa } from '../../../test/helpers/test-ca.ts';

// The Observatory's config rejects these at import (PGSSLMODE must be a boolean, CONFIG_FILE
// must exist): set in this process before the first probe, they must not break it.
process.env.PGSSLMODE = 'require';
process.env.CONFIG_FILE = '/nonexistent/observatory.json';

function test(result: ProbeResult, id: string) {
  const t = result.tests.find((x) => x.id === id);
  assert.ok(t, `no test ${id} in ${result.tests.map((x) => x.id).join(', ')}`);
  return t;
}

const RAMPART_IDS = [
  'cors-reflected-origin', 'cors-null-origin', 'x-powered-by', 'server-version-banner', 'trace-enabled', 'exposed-env-file', 'exposed-git-head',
  'exposed-git-config', 'directory-listing', 'source-maps', 'verbose-errors', 'cookie-secure', 'cookie-httponly', 'cookie-samesite', 'cookie-host-prefix',
];

describe('probe: a bare Express app with the classic mistakes', () => {
  let app: Running;
  let result: ProbeResult;
  before(async () => {
    app = await startBareApp();
    result = await probe(app.url);
  });
  after(() => app.close());

  it('grades F (exposed secrets force it) and fails the Observatory header tests', () => {
    assert.equal(result.grade, 'F');
    assert.equal(result.passed, false);
    for (const id of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'strict-transport-security', 'redirection', 'cookies']) {
      assert.equal(test(result, id).pass, false, id);
    }
    assert.equal(test(result, 'content-security-policy').result, 'csp-not-implemented');
    assert.ok(result.observatory.score < 50, `observatory score ${result.observatory.score}`);
  });

  it('finds every planted leak, naming the URL and never a secret value', () => {
    for (const id of ['x-powered-by', 'exposed-env-file', 'exposed-git-head', 'exposed-git-config', 'directory-listing', 'source-maps', 'verbose-errors', 'trace-enabled', 'cors-reflected-origin', 'cors-null-origin', 'cookie-secure', 'cookie-httponly', 'cookie-samesite']) {
      const t = test(result, id);
      assert.equal(t.pass, false, `${id}: ${t.detail}`);
      assert.equal(t.skipped, undefined);
    }
    assert.match(test(result, 'exposed-env-file').detail, /\/\.env is served: keys DATABASE_URL, JWT_SECRET/);
    assert.match(test(result, 'x-powered-by').detail, /x-powered-by: Express/);
    assert.match(test(result, 'verbose-errors').detail, /stack trace/);
    assert.match(test(result, 'directory-listing').detail, /\/public\/ is a directory listing/);
    assert.match(test(result, 'source-maps').detail, /app\.js\.map \(with the full original source\)/);
    const everything = JSON.stringify(result);
    for (const secret of ['hunter2', 's3cr3t', 'ghp_token']) assert.ok(!everything.includes(secret), `${secret} leaked into the result`);
  });

  it("is not broken by the user's PGSSLMODE or CONFIG_FILE, and leaves them as they were", () => {
    assert.equal(process.env.PGSSLMODE, 'require');
    assert.equal(process.env.CONFIG_FILE, '/nonexistent/observatory.json');
  });

  it('sends exactly the requests it reports, all with its User-Agent', () => {
    assert.deepEqual(
      app.received.map((r) => r.method),
      result.requests.map((r) => r.method),
    );
    for (const r of app.received) assert.equal(r.userAgent, PROBE_DEFAULTS.userAgent);
    assert.ok(app.received.some((r) => r.url.includes('%E0%A4%A')), 'the invalid percent-encoded path arrived as sent');
  });

  it('sends only documented requests to the named origin, within the budget, with its User-Agent', () => {
    assert.ok(result.requests.length <= 40);
    for (const r of result.requests) assert.equal(new URL(r.url).origin, new URL(app.url).origin, r.url);
    const methods = result.requests.map((r) => r.method);
    assert.equal(methods.filter((m) => m === 'POST').length, 1);
    assert.ok(methods.every((m) => ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'POST'].includes(m)));
  });
});

describe('probe: a hardened app over HTTPS (test CA), HTTP redirecting to it', () => {
  let ca: TestCa;
  let app: Awaited<ReturnType<typeof startHardenedApp>>;
  let result: ProbeResult;
  before(async () => {
    ca = await createTestCa();
    app = await startHardenedApp(ca);
    result = await probe(app.url, { ca: readFileSync(ca.caFile, 'utf8'), httpPort: app.httpPort });
  });
  after(async () => {
    await app?.close();
    if (ca) rmSync(ca.dir, { recursive: true, force: true });
  });

  it('grades A or better, every Observatory test passing', () => {
    const failed = result.tests.filter((t) => !t.pass).map((t) => `${t.id}: ${t.detail}`);
    assert.deepEqual(failed, []);
    assert.ok(['A+', 'A'].includes(result.grade), `${result.grade} ${result.score}`);
    assert.equal(result.passed, true);
    assert.equal(test(result, 'redirection').result, 'redirection-to-https');
    assert.equal(test(result, 'strict-transport-security').result, 'hsts-implemented-max-age-at-least-six-months');
    assert.equal(test(result, 'cookies').result, 'cookies-secure-with-httponly-sessions-and-samesite');
    assert.equal(test(result, 'tls-certificate').pass, true);
  });

  it('runs every Rampart check (none skipped) and they all pass', () => {
    for (const id of RAMPART_IDS) {
      const t = test(result, id);
      assert.equal(t.pass, true, `${id}: ${t.detail}`);
      assert.equal(t.skipped, undefined, id);
    }
  });

  it('without the CA, reports the certificate and the Observatory tests that need a valid one', async () => {
    const r = await probe(app.url, { httpPort: app.httpPort });
    assert.equal(test(r, 'tls-certificate').pass, false);
    assert.equal(test(r, 'strict-transport-security').result, 'hsts-invalid-cert');
    assert.equal(test(r, 'redirection').result, 'redirection-invalid-cert');
  });

  it('follows the http:// URL to https on the same host', async () => {
    const r = await probe(`http://127.0.0.1:${app.httpPort}/`, { ca: readFileSync(ca.caFile, 'utf8') });
    assert.equal(r.finalUrl, app.url);
    assert.equal(test(r, 'redirection').pass, true);
    assert.equal(test(r, 'strict-transport-security').pass, true);
  });
});

describe('probe: a SPA answering 200 with index.html for every path', () => {
  let app: Running;
  let result: ProbeResult;
  before(async () => {
    app = await startSpaApp();
    result = await probe(app.url);
  });
  after(() => app.close());

  it('reports no exposed file, source map, listing or verbose error', () => {
    for (const id of ['exposed-env-file', 'exposed-git-head', 'exposed-git-config', 'source-maps', 'directory-listing', 'verbose-errors', 'trace-enabled', 'x-powered-by']) {
      const t = test(result, id);
      assert.equal(t.pass, true, `${id}: ${t.detail}`);
    }
  });
});

describe('probe: a node:http docs site that shows a stack trace as content on every page', () => {
  it('does not report verbose errors for text the page itself contains', async () => {
    const page = '<!doctype html><html><body><h1>Debugging</h1><pre>TypeError: x is undefined\n    at main (/home/dev/app/index.js:3:9)</pre></body></html>';
    const server = http.createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      const r = await probe(`http://127.0.0.1:${port}/`);
      const t = test(r, 'verbose-errors');
      assert.equal(t.pass, true, t.detail);
      assert.equal(test(r, 'trace-enabled').pass, true, 'a 200 to TRACE without an echo is not XST');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('probe: bad targets', () => {
  it('throws a ProbeError naming the URL and the network error for a closed port', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    await assert.rejects(probe(`http://127.0.0.1:${port}/`), (err: Error) => {
      assert.ok(err instanceof ProbeError);
      assert.match(err.message, new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}/: .*ECONNREFUSED`));
      return true;
    });
  });

  it('rejects what is not an http(s) URL, and unknown options', async () => {
    await assert.rejects(probe('ftp://example.com/'), /only http:\/\/ and https:\/\//);
    await assert.rejects(probe('not a url'), /not a URL/);
    await assert.rejects(probe('http://127.0.0.1:1/', { timeout: 5 } as never), /unknown probe option "timeout"/);
  });

  it('times out on a server that never answers, within --timeout', async () => {
    const server = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      await assert.rejects(probe(`http://127.0.0.1:${port}/`, { timeoutMs: 300 }), /ETIMEDOUT|within 300 ms/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('does not follow a redirect to another host (it only notes it)', async () => {
    let otherHits = 0;
    const other = http.createServer((_req, res) => {
      otherHits++;
      res.end('other');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    const otherPort = (other.address() as AddressInfo).port;
    const site = http.createServer((_req, res) => void res.writeHead(302, { location: `http://localhost:${otherPort}/login` }).end());
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
    const port = (site.address() as AddressInfo).port;
    try {
      const r = await probe(`http://127.0.0.1:${port}/`);
      assert.equal(otherHits, 0);
      assert.ok(r.requests.every((q) => new URL(q.url).host === `127.0.0.1:${port}`));
      assert.ok(r.warnings.some((w) => /redirect to another host \(localhost\) not followed/.test(w)), r.warnings.join('; '));
      assert.equal(r.status, 302);
    } finally {
      other.closeAllConnections();
      site.closeAllConnections();
      await Promise.all([new Promise((r) => other.close(r)), new Promise((r) => site.close(r))]);
    }
  });

  it('stops at the request budget and reports the checks it could not run as skipped', async () => {
    const app = await startSpaApp();
    try {
      const r = await probe(app.url, { maxRequests: 3 });
      assert.equal(r.requests.length, 3);
      assert.ok(r.tests.some((t) => t.skipped), 'some checks are skipped');
      assert.ok(r.tests.filter((t) => t.skipped).every((t) => !t.pass));
    } finally {
      await app.close();
    }
  });
});
