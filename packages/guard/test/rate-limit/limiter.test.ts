import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import type { SecurityEvent } from '@rampart/core';
import { createEventBus, MemorySink } from '../../src/events/index.js';
import { createRateLimiter, type RateLimitStore, type StoreFailurePolicy } from '../../src/rate-limit/index.js';

function req(remoteAddress: string, url = '/orders/1?x=1'): IncomingMessage {
  return { socket: { remoteAddress }, headers: {}, url, method: 'GET' } as unknown as IncomingMessage;
}

function bus() {
  const sink = new MemorySink(100);
  const events: SecurityEvent[] = [];
  const b = createEventBus({ sinks: [sink], logger: false, metrics: true });
  b.subscribe((e) => events.push(e));
  return { bus: b, events };
}

const throwingStore: RateLimitStore = {
  consume: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')),
  reset: () => undefined,
  close: async () => undefined,
};
const hangingStore: RateLimitStore = {
  consume: () => new Promise(() => {}),
  reset: () => undefined,
  close: async () => undefined,
};

describe('keys', () => {
  it("'ip' groups IPv6 by /64, 'user' falls back to the IP, 'route' uses the pattern, a function can skip", () => {
    assert.equal(createRateLimiter({ key: 'ip' }).keyFor(req('2001:db8:1:2::7')), 'ip:2001:db8:1:2::/64');
    assert.equal(createRateLimiter({ ipv6Prefix: 56 }).keyFor(req('2001:db8:1:2ff::7')), 'ip:2001:db8:1:200::/56');
    const byUser = createRateLimiter({ key: 'user' });
    assert.equal(byUser.keyFor(req('1.2.3.4'), { userId: 'u42' }), 'user:u42');
    assert.equal(byUser.keyFor(req('1.2.3.4')), 'ip:1.2.3.4');
    const byRoute = createRateLimiter({ key: 'route' });
    assert.equal(byRoute.keyFor(req('1.2.3.4'), { route: '/orders/:id' }), 'route:/orders/:id');
    assert.equal(byRoute.keyFor(req('1.2.3.4')), 'route:/orders/1');
    const custom = createRateLimiter({ key: (r) => (r.url?.startsWith('/health') ? undefined : 'tenant-a') });
    assert.equal(custom.keyFor(req('1.2.3.4', '/health')), undefined);
    assert.equal(custom.keyFor(req('1.2.3.4')), 'custom:tenant-a');
    const throwing = createRateLimiter({
      key: () => {
        throw new Error('bug in the app');
      },
    });
    assert.equal(throwing.keyFor(req('1.2.3.4')), 'ip:1.2.3.4', 'a throwing key function falls back to the IP, never to no limit');
  });

  it('limits one user across IPs and one IP across users independently', async () => {
    const limiter = createRateLimiter({ key: 'user', limit: 2, algorithm: 'fixed-window' });
    assert.equal((await limiter.check(req('1.1.1.1'), { userId: 'alice' }))!.allowed, true);
    assert.equal((await limiter.check(req('2.2.2.2'), { userId: 'alice' }))!.allowed, true);
    assert.equal((await limiter.check(req('3.3.3.3'), { userId: 'alice' }))!.allowed, false);
    assert.equal((await limiter.check(req('3.3.3.3'), { userId: 'bob' }))!.allowed, true);
  });
});

describe('key size', () => {
  it('stores keys longer than 128 characters as a hash, still limiting them apart', async () => {
    const limiter = createRateLimiter({ key: (r) => r.url, limit: 1, algorithm: 'fixed-window' });
    const long = (c: string) => req('1.2.3.4', `/${c.repeat(10_000)}`);
    assert.equal((await limiter.check(long('a')))!.allowed, true);
    assert.equal((await limiter.check(long('a')))!.allowed, false);
    assert.equal((await limiter.check(long('b')))!.allowed, true);
  });
});

describe('setup errors name the option and the fix', () => {
  const cases: Array<[object, RegExp]> = [
    [{ algoritm: 'token-bucket' }, /unknown option 'algoritm'.*algorithm/],
    [{ algorithm: 'leaky' }, /rateLimit\.algorithm/],
    [{ limit: 0 }, /rateLimit\.limit/],
    [{ limit: 2.5 }, /rateLimit\.limit/],
    [{ key: 'email' }, /rateLimit\.key.*function/],
    [{ onStoreError: 'ignore' }, /rateLimit\.onStoreError/],
    [{ store: {} }, /rateLimit\.store/],
    [{ name: 'has space' }, /rateLimit\.name/],
    [{ ipv6Prefix: 200 }, /rateLimit\.ipv6Prefix/],
    [{ trustProxy: 'loopback, 10.0.0.0/8' }, /expected a list.*\['loopback', '10\.0\.0\.0\/8'\]/],
  ];
  for (const [options, pattern] of cases) {
    it(JSON.stringify(options), () => assert.throws(() => createRateLimiter(options as never), pattern));
  }
});

describe('refusals become one event per key per window', () => {
  it('emits a rate-limit event with ip, route, rule and action on the first refusal only', async () => {
    const { bus: b, events } = bus();
    const limiter = createRateLimiter({ limit: 1, algorithm: 'fixed-window', events: b, name: 'api' });
    for (let i = 0; i < 5; i++) await limiter.check(req('203.0.113.1'), { route: '/orders/:id', requestId: `r${i}` });
    assert.equal(events.length, 1);
    const [e] = events;
    assert.equal(e.kind, 'rate-limit');
    assert.equal(e.practice, 3);
    assert.equal(e.rule, 'rate-limit-ip');
    assert.equal(e.action, 'limited');
    assert.equal(e.ip, '203.0.113.1');
    assert.equal(e.route, '/orders/:id');
    assert.equal(e.requestId, 'r1');
    const text = await b.metrics!.registry.getSingleMetricAsString('rampart_rate_limit_decisions_total');
    assert.match(text, /rampart_rate_limit_decisions_total\{limiter="api",decision="allowed"} 1$/m);
    assert.match(text, /rampart_rate_limit_decisions_total\{limiter="api",decision="limited"} 4$/m);
  });
});

describe('store failure policy: never a raw error, never a 429 for everyone', () => {
  const policies: Array<[StoreFailurePolicy, string]> = [
    ['memory', 'fail-memory'],
    ['open', 'fail-open'],
    ['closed', 'fail-closed'],
  ];
  for (const [policy, degraded] of policies) {
    it(`onStoreError '${policy}' with a store that rejects`, async () => {
      const { bus: b, events } = bus();
      const limiter = createRateLimiter({ store: throwingStore, onStoreError: policy, limit: 3, algorithm: 'fixed-window', events: b });
      const decisions = [];
      for (let i = 0; i < 6; i++) decisions.push(await limiter.consume('ip:1.2.3.4'));
      assert.ok(decisions.every((d) => d.degraded === degraded));
      const allowed = decisions.filter((d) => d.allowed).length;
      if (policy === 'memory') {
        assert.equal(allowed, 3, 'the per-instance fallback still limits');
        assert.equal((await limiter.consume('ip:5.6.7.8')).allowed, true, 'other clients are not refused');
      }
      if (policy === 'open') assert.equal(allowed, 6);
      if (policy === 'closed') assert.equal(allowed, 0);
      const down = events.filter((e) => e.rule === 'rate-limit-store-down');
      assert.equal(down.length, 1, 'one event for the outage, not one per request');
      assert.equal(down[0].details?.policy, policy);
      assert.match(down[0].message, new RegExp(policy));
    });
  }

  it('a store that throws synchronously is handled like one that rejects', async () => {
    const syncThrowing: RateLimitStore = {
      consume: () => {
        throw new TypeError('store bug');
      },
      reset: () => undefined,
      close: async () => undefined,
    };
    const limiter = createRateLimiter({ store: syncThrowing, onStoreError: 'open' });
    const decision = await limiter.check(req('1.2.3.4'));
    assert.equal(decision?.degraded, 'fail-open');
    assert.equal(decision?.allowed, true);
  });

  it('a store that hangs is abandoned after storeTimeoutMs', async () => {
    const { bus: b, events } = bus();
    const limiter = createRateLimiter({ store: hangingStore, storeTimeoutMs: 30, events: b });
    const decision = await limiter.consume('ip:1.2.3.4');
    assert.equal(decision.allowed, true);
    assert.equal(decision.degraded, 'fail-memory');
    assert.match(String(events[0]?.details?.reason), /no answer within 30 ms/);
  });

  it('recovers: after the retry interval a healthy store is used again and a recovery event is emitted', async () => {
    const { bus: b, events } = bus();
    let failing = true;
    let calls = 0;
    const flaky: RateLimitStore = {
      consume: () => {
        calls++;
        return failing ? Promise.reject(new Error('down')) : { allowed: true, remaining: 9, resetAt: Date.now() + 1000, retryAfterMs: 0 };
      },
      reset: () => undefined,
      close: async () => undefined,
    };
    const limiter = createRateLimiter({ store: flaky, events: b });
    await limiter.consume('k');
    await limiter.consume('k');
    assert.equal(calls, 1, 'requests during the outage skip the store instead of each waiting on it');
    failing = false;
    await new Promise((r) => setTimeout(r, 1050));
    const decision = await limiter.consume('k');
    assert.equal(decision.degraded, undefined);
    assert.equal(decision.remaining, 9);
    assert.deepEqual(
      events.map((e) => e.rule),
      ['rate-limit-store-down', 'rate-limit-store-recovered'],
    );
  });
});
