import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { clientKey, createLoginThrottle, lockDelayMs, memoryThrottleStore, redisThrottleStore, type LoginThrottleOptions, type ThrottleStore } from '@rampart/auth';
import { connectRedis, deletePrefix, uniqueName, type Service } from './helpers/services.ts';
import type { Redis } from 'ioredis';

// Test settings: delays long enough never to expire during a test, so a lock is a lock.
const LONG = { baseDelayMs: 60_000, maxDelayMs: 3_600_000 };
const NEVER = { freeAttempts: 100_000, ...LONG };

async function fail(t: ReturnType<typeof createLoginThrottle>, user: string, ip: string, stepUpPassed = false) {
  const ticket = await t.begin(user, ip, { stepUpPassed });
  if (ticket.allowed) await ticket.failed();
  return ticket;
}

/** The same behaviour, proved on every store (memory, real Redis). */
function throttleSuite(name: string, makeStore: () => ThrottleStore | undefined, skip: () => string | false) {
  describe(`login throttle on the ${name} store`, () => {
    const make = (o: LoginThrottleOptions) => createLoginThrottle({ store: makeStore()!, ...o });

    it('per (username, IP): 5 free failures, then a temporary lockout that doubles', { skip: skip() }, async () => {
      const t = make({ ip: NEVER, user: NEVER, pair: { freeAttempts: 5, ...LONG } });
      for (let i = 0; i < 5; i++) assert.equal((await fail(t, 'alice', '203.0.113.7')).allowed, true, `attempt ${i + 1}`);
      assert.equal((await fail(t, 'alice', '203.0.113.7')).allowed, true, '6th is counted, and locks');
      const locked = await fail(t, 'alice', '203.0.113.7');
      assert.equal(locked.allowed, false);
      assert.equal(locked.refusal, 'pair-locked');
      assert.ok(locked.retryAfterMs > 50_000 && locked.retryAfterMs <= 60_000, String(locked.retryAfterMs));
      // The same account from another IP is not locked (no lockout of the real user by an attacker).
      assert.equal((await fail(t, 'alice', '198.51.100.1')).allowed, true);
      // Another account from the locked IP is not locked either.
      assert.equal((await fail(t, 'bob', '203.0.113.7')).allowed, true);
    });

    it('a success resets the account and pair counters, and marks the device known', { skip: skip() }, async () => {
      const t = make({ ip: NEVER, user: NEVER, pair: { freeAttempts: 3, ...LONG } });
      for (let i = 0; i < 3; i++) await fail(t, 'carol', '192.0.2.1');
      const ok = await t.begin('carol', '192.0.2.1');
      assert.equal(ok.allowed, true);
      await ok.succeeded();
      assert.equal(await t.accountFailures('carol'), 0);
      for (let i = 0; i < 4; i++) assert.equal((await fail(t, 'carol', '192.0.2.1')).allowed, true, 'counts start again from zero');
      assert.equal((await fail(t, 'carol', '192.0.2.1')).allowed, false);
    });

    it('per IP: one source spraying many usernames is stopped', { skip: skip() }, async () => {
      const t = make({ pair: NEVER, user: NEVER, ip: { freeAttempts: 20, ...LONG } });
      for (let i = 0; i < 21; i++) assert.equal((await fail(t, `user${i}`, '203.0.113.50')).allowed, true);
      const r = await fail(t, 'someone-else', '203.0.113.50');
      assert.equal(r.refusal, 'ip-locked');
      assert.equal((await fail(t, 'someone-else', '203.0.113.51')).allowed, true, 'the next address is its own client');
    });

    it('IPv6 clients are counted per /64: rotating the interface id does not help', { skip: skip() }, async () => {
      const t = make({ pair: NEVER, user: NEVER, ip: { freeAttempts: 10, ...LONG } });
      for (let i = 0; i < 11; i++) await fail(t, `v6user${i}`, `2001:db8:1:2::${(i + 1).toString(16)}`);
      assert.equal((await fail(t, 'x', '2001:db8:1:2:ffff:ffff:ffff:ffff')).refusal, 'ip-locked');
      assert.equal((await fail(t, 'x', '2001:db8:1:3::1')).allowed, true, 'another /64 is another client');
    });

    it('per account across many IPs: a short delay after 10 failures, never a long lockout', { skip: skip() }, async () => {
      const t = make({ pair: NEVER, ip: NEVER, user: { freeAttempts: 10, baseDelayMs: 1000, maxDelayMs: 60_000 }, stepUpAfter: 1000 });
      for (let i = 0; i < 11; i++) assert.equal((await fail(t, 'dave', `10.0.0.${i}`)).allowed, true);
      const delayed = await fail(t, 'dave', '10.0.1.1');
      assert.equal(delayed.refusal, 'account-delayed');
      assert.ok(delayed.retryAfterMs <= 1000, 'first delay is one second');
      assert.equal(lockDelayMs(40, { freeAttempts: 10, baseDelayMs: 1000, maxDelayMs: 60_000 }), 60_000, 'capped at one minute');
    });

    it('the NIST ceiling: at most 100 consecutive failures per account, even spread over 100 IPs', { skip: skip() }, async () => {
      const t = make({ pair: NEVER, ip: NEVER, user: NEVER, stepUpAfter: 1000 });
      let allowed = 0;
      for (let i = 0; i < 130; i++) if ((await fail(t, 'erin', `172.16.${i >> 8}.${i & 255}`)).allowed) allowed++;
      assert.equal(allowed, 100);
      assert.equal(await t.accountFailures('erin'), 100);
      assert.equal((await fail(t, 'erin', '172.31.0.1')).refusal, 'account-ceiling');
    });

    it('a known device (earlier success from that IP) still logs in at the ceiling', { skip: skip() }, async () => {
      const t = make({ pair: NEVER, ip: NEVER, user: NEVER, accountCeiling: 20, stepUpAfter: 1000 });
      const home = '198.51.100.77';
      const first = await t.begin('frank', home);
      await first.succeeded();
      for (let i = 0; i < 25; i++) await fail(t, 'frank', `203.0.113.${i}`);
      assert.equal((await fail(t, 'frank', '203.0.113.200')).refusal, 'account-ceiling');
      const fromHome = await t.begin('frank', home);
      assert.equal(fromHome.allowed, true, 'the owner is not locked out by the attacker');
      await fromHome.succeeded();
      assert.equal(await t.accountFailures('frank'), 0);
    });

    it('step-up: past stepUpAfter failures, attempts without the step-up are refused uncounted', { skip: skip() }, async () => {
      const t = make({ pair: NEVER, ip: NEVER, user: NEVER, stepUpAfter: 5 });
      for (let i = 0; i < 5; i++) await fail(t, 'gina', `10.9.0.${i}`);
      const refused = await fail(t, 'gina', '10.9.1.1');
      assert.equal(refused.refusal, 'step-up-required');
      assert.equal(await t.accountFailures('gina'), 5, 'not counted');
      const withCaptcha = await t.begin('gina', '10.9.1.1', { stepUpPassed: true });
      assert.equal(withCaptcha.allowed, true);
      await withCaptcha.succeeded();
    });

    it('unknown and known usernames are counted the same way (no enumeration through throttling)', { skip: skip() }, async () => {
      const t = make({ ip: NEVER, user: NEVER, pair: { freeAttempts: 2, ...LONG } });
      const seq = async (u: string) => {
        const out = [];
        for (let i = 0; i < 4; i++) out.push((await fail(t, u, '192.0.2.200')).allowed);
        return out;
      };
      assert.deepEqual(await seq('real-user'), await seq('no-such-user-anywhere'));
    });

    it('parallel guesses cannot outrun the counter (atomic check-and-count)', { skip: skip() }, async () => {
      const t = make({ ip: NEVER, user: NEVER, pair: { freeAttempts: 5, ...LONG } });
      const results = await Promise.all(Array.from({ length: 50 }, () => t.begin('henry', '192.0.2.99')));
      assert.equal(results.filter((r) => r.allowed).length, 6, '5 free + the one that sets the lock');
    });

    it('usernames are normalised: case, spaces and width variants share one counter', { skip: skip() }, async () => {
      const t = make({ ip: NEVER, user: NEVER, pair: { freeAttempts: 2, ...LONG } });
      await fail(t, 'Ivy', '192.0.2.5');
      await fail(t, ' ivy ', '192.0.2.5');
      await fail(t, 'ＩＶＹ', '192.0.2.5');
      assert.equal((await fail(t, 'ivy', '192.0.2.5')).refusal, 'pair-locked');
    });
  });
}

throttleSuite('memory', () => memoryThrottleStore(), () => false);

// Connected before the suites are declared, so each test knows whether Redis is there.
const redis: Service<Redis> = await connectRedis();
const prefix = `${uniqueName('rampart-test-throttle')}:`;
let storeNumber = 0;
throttleSuite('Redis', () => redisThrottleStore({ client: redis.client!, prefix: `${prefix}${storeNumber++}:` }), () => redis.skip);
after(async () => {
  if (redis.client) await deletePrefix(redis.client, prefix);
  await redis.close();
});

describe('clientKey', () => {
  const cases: [string | undefined, string][] = [
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:abcd:12:1:2:3:4', '2001:db8:abcd:12:0:0:0:0/64'],
    ['2001:db8:abcd:12::', '2001:db8:abcd:12:0:0:0:0/64'],
    ['[2001:db8::1]', '2001:db8:0:0:0:0:0:0/64'],
    ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:0/64'],
    ['::1', '0:0:0:0:0:0:0:0/64'],
    ['not an ip', 'invalid'],
    [undefined, 'invalid'],
    ['1'.repeat(1000), 'invalid'],
  ];
  for (const [ip, key] of cases) it(`${String(ip).slice(0, 40)} -> ${key}`, () => assert.equal(clientKey(ip), key));
  it('a /48 prefix when configured', () => assert.equal(clientKey('2001:db8:abcd:12:1:2:3:4', 48), '2001:db8:abcd:0:0:0:0:0/48'));
});
