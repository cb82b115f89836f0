import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import {
  checkJsonDepth,
  checkParamCount,
  checkRequestHead,
  countParams,
  decodeUtf8,
  hardenServer,
  LIMITS_DEFAULTS,
  parseJsonLimited,
  readBodyLimited,
  scanJsonDepth,
  serverOptions,
} from '../../src/limits/index.js';

const servers: Server[] = [];
after(() => servers.forEach((s) => s.close()));

describe('JSON depth', () => {
  it('scans nesting without parsing, ignoring brackets inside strings', () => {
    assert.equal(scanJsonDepth('{"a":[1,{"b":2}]}'), 3);
    assert.equal(scanJsonDepth('{"a":"[[[[{{{{","b":"\\"[["}'), 1);
    assert.equal(scanJsonDepth('"just a string"'), 0);
  });

  it('refuses 100k levels of nesting before JSON.parse builds anything', () => {
    const hostile = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = parseJsonLimited(hostile, { maxJsonDepth: 32, maxBodyBytes: 1e6 });
    assert.deepEqual(result, { ok: false, status: 400, rule: 'json-too-deep', reason: 'JSON nests deeper than 32 levels.' });
  });

  it('parses JSON within the limits, and reports invalid JSON by position without echoing it', () => {
    assert.deepEqual(parseJsonLimited('{"a":[1,2]}', LIMITS_DEFAULTS), { ok: true, value: { a: [1, 2] } });
    const bad = parseJsonLimited('{"password":"hunter2",}', LIMITS_DEFAULTS);
    assert.equal(bad.ok, false);
    assert.ok(!bad.ok && bad.rule === 'invalid-json' && !bad.reason.includes('hunter2'));
    const big = parseJsonLimited(`"${'x'.repeat(2000)}"`, { maxBodyBytes: 1000 });
    assert.ok(!big.ok && big.status === 413);
    // Multi-byte characters count in bytes, not UTF-16 units.
    const wide = parseJsonLimited(`"${'é'.repeat(600)}"`, { maxBodyBytes: 1000 });
    assert.ok(!wide.ok && wide.status === 413);
  });

  it('checks the depth of an already-built value iteratively (no stack overflow at 200k levels)', () => {
    let value: unknown = 1;
    for (let i = 0; i < 200_000; i++) value = [value];
    assert.equal(checkJsonDepth(value, 32), false);
    assert.equal(checkJsonDepth({ a: [{ b: 1 }] }, 3), true);
    assert.equal(checkJsonDepth({ a: [{ b: {} }] }, 3), false);
    assert.equal(checkJsonDepth('x', 0), true);
  });
});

describe('parameter count', () => {
  it('counts & separated parameters and stops early', () => {
    assert.equal(countParams('a=1&b=2&&c'), 3);
    assert.equal(countParams(''), 0);
    assert.equal(countParams('a=1&'.repeat(1_000_000), 10), 11);
    assert.equal(checkParamCount('/search?q=1&q=2#frag&x', 2).ok, true);
    const refused = checkParamCount(`/search?${'a=1&'.repeat(1001)}`, 1000);
    assert.ok(!refused.ok && refused.status === 400 && refused.rule === 'too-many-params');
    assert.equal(checkParamCount('/no/query', 0).ok, true);
  });
});

describe('UTF-8', () => {
  it('refuses invalid byte sequences instead of turning them into U+FFFD', () => {
    assert.deepEqual(decodeUtf8(Buffer.from('héllo')), { ok: true, text: 'héllo' });
    const bad = decodeUtf8(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    assert.ok(!bad.ok && bad.rule === 'invalid-utf8');
  });
});

/** A node:http app that reads JSON bodies under the limits and answers what the checks decided. */
async function app(limits = { ...LIMITS_DEFAULTS, maxBodyBytes: 1000, maxHeaderBytes: 2000, maxParams: 5 }): Promise<number> {
  const server = createServer(async (req, res) => {
    const head = checkRequestHead(req, limits);
    if (!head.ok) {
      res.writeHead(head.status, { Connection: 'close' }).end(head.rule);
      return;
    }
    const body = await readBodyLimited(req, limits.maxBodyBytes);
    if (!body.ok) {
      res.writeHead(body.status, { Connection: 'close' }).end(body.rule);
      return;
    }
    const text = decodeUtf8(body.body);
    if (!text.ok) return void res.writeHead(text.status).end(text.rule);
    const json = parseJsonLimited(text.text, limits);
    if (!json.ok) return void res.writeHead(json.status).end(json.rule);
    res.writeHead(200).end(JSON.stringify(json.value));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

function send(port: number, options: { path?: string; headers?: Record<string, string>; chunks?: Array<string | Buffer> }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: options.path ?? '/', headers: options.headers, agent: false }, (res: IncomingMessage) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    // The server may answer 413 and close before the whole body is sent.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

describe('request limits over HTTP', () => {
  it('answers 413 for a declared or a chunked body over the limit, 400 for deep JSON, 431 for big headers', async () => {
    const port = await app();
    assert.deepEqual(await send(port, { chunks: ['{"a":1}'] }), { status: 200, body: '{"a":1}' });
    assert.equal((await send(port, { headers: { 'Content-Length': '5000' }, chunks: ['x'.repeat(5000)] })).status, 413);
    // Chunked: no Content-Length, the limit applies to bytes actually read.
    const chunked = await send(port, { headers: { 'Transfer-Encoding': 'chunked' }, chunks: Array.from({ length: 20 }, () => 'x'.repeat(100)) });
    assert.deepEqual(chunked, { status: 413, body: 'body-too-large' });
    assert.deepEqual(await send(port, { chunks: ['['.repeat(200) + ']'.repeat(200)] }), { status: 400, body: 'json-too-deep' });
    assert.deepEqual(await send(port, { chunks: [Buffer.from([0x22, 0xc3, 0x28, 0x22])] }), { status: 400, body: 'invalid-utf8' });
    assert.deepEqual(await send(port, { headers: { 'X-Big': 'y'.repeat(3000) } }), { status: 431, body: 'headers-too-large' });
    assert.deepEqual(await send(port, { path: '/?a&b&c&d&e&f' }), { status: 400, body: 'too-many-params' });
  });
});

/** A client that sends one header line every 100 ms, forever: never completing the request head. */
function slowloris(port: number): Promise<{ linesSent: number; answer: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let linesSent = 0;
    let answer = '';
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    const timer = setInterval(() => {
      if (socket.writable) socket.write(`X-Slow-${linesSent++}: ${'a'.repeat(10)}\r\n`);
    }, 100);
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ linesSent, answer });
    });
    // A guard for the test itself: after 5 s (about 50 lines) the server never cut the client off.
    setTimeout(() => socket.destroy(), 5000).unref();
  });
}

describe('hardenServer against slow clients', () => {
  it('cuts off a slowloris client that trickles headers, while a normal client is served', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    hardenServer(server, { headersTimeout: 500, requestTimeout: 1000, connectionsCheckingInterval: 100 });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;

    const outcome = await slowloris(port);
    assert.ok(outcome.linesSent < 30, `the server kept the connection open for ${outcome.linesSent} header lines`);
    assert.match(outcome.answer, /^HTTP\/1\.1 408/);

    const normal = await new Promise<number>((resolve) => request({ host: '127.0.0.1', port, agent: false }, (res) => resolve(res.statusCode!)).end());
    assert.equal(normal, 200);
  });

  it('works on a server that already listens (as app.listen() returns it), without a warning', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    hardenServer(server, { headersTimeout: 500, requestTimeout: 1000, connectionsCheckingInterval: 100 });
    const outcome = await slowloris((server.address() as AddressInfo).port);
    process.off('warning', onWarning);
    assert.ok(outcome.linesSent < 30, `the server kept the connection open for ${outcome.linesSent} header lines`);
    assert.match(outcome.answer, /^HTTP\/1\.1 408/);
    assert.deepEqual(warnings, []);
    // close() still clears the restarted sweep: the test process would otherwise not exit.
  });

  it('cuts off a slow POST that trickles its body (requestTimeout), built with serverOptions()', async () => {
    const server = createServer(serverOptions({ headersTimeout: 500, requestTimeout: 1000, connectionsCheckingInterval: 100 }), (req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const outcome = await new Promise<{ bytesSent: number; answer: string }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let bytesSent = 0;
      let answer = '';
      socket.write('POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10000\r\n\r\n');
      const timer = setInterval(() => {
        if (socket.writable) socket.write('x', () => bytesSent++);
      }, 100);
      socket.on('data', (d) => (answer += d));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ bytesSent, answer });
      });
      setTimeout(() => socket.destroy(), 5000).unref();
    });
    assert.ok(outcome.bytesSent < 30, `the server kept reading a trickled body for ${outcome.bytesSent} bytes`);
    assert.match(outcome.answer, /^HTTP\/1\.1 408/);
  });

  it('applies the timeouts and header count, and refuses inconsistent options', () => {
    const server = createServer();
    hardenServer(server);
    assert.equal(server.headersTimeout, 10_000);
    assert.equal(server.requestTimeout, 30_000);
    assert.equal(server.keepAliveTimeout, 5_000);
    assert.equal(server.maxHeadersCount, 100);
    assert.throws(() => hardenServer(server, { headersTimeout: 60_000, requestTimeout: 1000 }), /headersTimeout.*requestTimeout/);
    assert.throws(() => hardenServer(server, { headerTimeout: 5 } as never), /unknown option 'headerTimeout'/);
    assert.throws(() => hardenServer({} as never), /Server/);
    assert.deepEqual(serverOptions({}, { maxHeaderBytes: 8192 }), {
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      keepAliveTimeout: 5_000,
      connectionsCheckingInterval: 1000,
      maxHeaderSize: 8192,
    });
  });
});
