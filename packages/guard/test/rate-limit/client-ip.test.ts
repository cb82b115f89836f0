import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { clientIp, createRateLimiter, ipRateKey, normalizeIp, rateLimitHeaders, type TrustProxy } from '../../src/rate-limit/index.js';

function fakeReq(remoteAddress: string, forwarded?: string | string[]): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } } as unknown as IncomingMessage;
}

describe('ipRateKey', () => {
  const cases: Array<[string, string]> = [
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:0:1::', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['[2001:db8:aa:bb::1]', '2001:db8:aa:bb::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['not-an-ip', 'not-an-ip'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected}`, () => assert.equal(ipRateKey(input), expected));
  }

  it('puts every address of one /64 under one key and neighbouring /64s under different keys', () => {
    assert.equal(ipRateKey('2001:db8:5:6:1::1'), ipRateKey('2001:db8:5:6:dead:beef:0:1'));
    assert.notEqual(ipRateKey('2001:db8:5:6::1'), ipRateKey('2001:db8:5:7::1'));
  });

  it('groups by another prefix length when asked', () => {
    assert.equal(ipRateKey('2001:db8:1:2ff:3:4:5:6', 56), '2001:db8:1:200::/56');
    assert.equal(ipRateKey('2001:db8:1:2ff:3:4:5:6', 48), '2001:db8:1::/48');
    assert.equal(ipRateKey('2001:db8:1:2ff:3:4:5:6', 128), '2001:db8:1:2ff:3:4:5:6/128');
    assert.equal(ipRateKey('203.0.113.7', 56), '203.0.113.7');
  });

  it('normalizes IPv4 with a port as some proxies write it, and refuses garbage', () => {
    assert.equal(normalizeIp('198.51.100.2:4711'), '198.51.100.2');
    assert.equal(normalizeIp('1.2.3'), undefined);
    assert.equal(normalizeIp('x'.repeat(500)), undefined);
  });
});

describe('clientIp and trustProxy', () => {
  it('false ignores X-Forwarded-For entirely', () => {
    assert.equal(clientIp(fakeReq('10.0.0.5', '1.1.1.1'), false), '10.0.0.5');
  });

  it('a hop count takes the entry that many proxies from the socket', () => {
    const req = fakeReq('10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.0.4');
    assert.equal(clientIp(req, 1), '10.0.0.4');
    assert.equal(clientIp(req, 2), '203.0.113.9');
    assert.equal(clientIp(fakeReq('10.0.0.5', '203.0.113.9'), 1), '203.0.113.9');
    // Fewer entries than hops: the leftmost one, never undefined.
    assert.equal(clientIp(fakeReq('10.0.0.5', '203.0.113.9'), 5), '203.0.113.9');
    assert.equal(clientIp(fakeReq('10.0.0.5'), 1), '10.0.0.5');
  });

  it('repeated X-Forwarded-For headers are read in order', () => {
    assert.equal(clientIp(fakeReq('10.0.0.5', ['6.6.6.6', '203.0.113.9']), 1), '203.0.113.9');
  });

  it('a garbage entry where the client should be yields the last trustworthy address', () => {
    assert.equal(clientIp(fakeReq('10.0.0.5', 'hello'), 1), '10.0.0.5');
    assert.equal(clientIp(fakeReq('10.0.0.5', 'hello, 10.0.0.9'), ['10.0.0.0/8']), '10.0.0.9');
  });

  it('a CIDR list walks left past trusted proxies only', () => {
    const trust: TrustProxy = ['10.0.0.0/8', 'loopback'];
    assert.equal(clientIp(fakeReq('10.1.2.3', '6.6.6.6, 203.0.113.9, 10.9.9.9'), trust), '203.0.113.9');
    assert.equal(clientIp(fakeReq('::ffff:127.0.0.1', '198.51.100.1'), trust), '198.51.100.1');
    // The socket itself is not a trusted proxy: the header is ignored.
    assert.equal(clientIp(fakeReq('198.51.100.77', '1.2.3.4'), trust), '198.51.100.77');
    assert.equal(clientIp(fakeReq('2001:db8::5', '1.2.3.4'), ['2001:db8::/32']), '1.2.3.4');
  });

  it('refuses trustProxy: true with an explanation of the spoofing bypass, and bad entries with the fix', () => {
    assert.throws(
      () => createRateLimiter({ trustProxy: true as unknown as TrustProxy }),
      (e: Error) => e.name === 'RateLimitSetupError' && /X-Forwarded-For/.test(e.message) && /bypass/.test(e.message) && /number of reverse proxies/.test(e.message),
    );
    assert.throws(() => createRateLimiter({ trustProxy: ['10.0.0.0/33'] }), /'10\.0\.0\.0\/33'|"10\.0\.0\.0\/33"/);
    assert.throws(() => createRateLimiter({ trustProxy: -1 }), /hops/);
  });
});

/** A node:http app limited per client IP, as an app behind `trustProxy` would be. */
function limitedServer(trustProxy: TrustProxy, limit: number): Promise<Server> {
  const limiter = createRateLimiter({ algorithm: 'fixed-window', limit, windowMs: 60_000, trustProxy });
  const server = createServer(async (req, res) => {
    const decision = (await limiter.check(req))!;
    res.writeHead(decision.allowed ? 200 : 429, rateLimitHeaders(decision)).end(decision.allowed ? 'ok' : 'slow down');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function get(server: Server, headers: Record<string, string>): Promise<number> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a rotating spoofed X-Forwarded-For does not bypass the limit', () => {
  const servers: Server[] = [];
  before(async () => {
    servers.push(await limitedServer(false, 5), await limitedServer(1, 5), await limitedServer(['127.0.0.1/32'], 5));
  });
  after(() => servers.forEach((s) => s.close()));

  for (const [i, label] of ['trustProxy: false', 'trustProxy: 1 (one proxy appends the real address)', 'trustProxy: CIDR list'].entries()) {
    it(label, async () => {
      const statuses: number[] = [];
      for (let n = 0; n < 20; n++) {
        const spoofed = `198.51.100.${n}`;
        // Behind one real proxy, the proxy appends the address it saw; the client only controls what comes before.
        const header = i === 0 ? spoofed : `${spoofed}, 203.0.113.50`;
        statuses.push(await get(servers[i], { 'X-Forwarded-For': header }));
      }
      assert.equal(statuses.filter((s) => s === 200).length, 5, statuses.join(','));
      assert.equal(statuses.filter((s) => s === 429).length, 15);
    });
  }

  it('sets RateLimit-* and Retry-After headers', async () => {
    const server = await limitedServer(false, 1);
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    await get(server, {});
    const res = await new Promise<IncomingMessage>((resolve) => request({ host: '127.0.0.1', port, agent: false }, resolve).end());
    res.resume();
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['ratelimit-limit'], '1');
    assert.equal(res.headers['ratelimit-remaining'], '0');
    assert.equal(res.headers['retry-after'], '60');
  });
});
