import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRateLimiter, MemoryStore, type RateLimitAlgorithm } from '../../src/rate-limit/index.js';

const DAY = 24 * 60 * 60 * 1000;

function clock(start = 1_700_000_000_000) {
  const c = { now: start, advance: (ms: number) => (c.now += ms) };
  return c;
}

function limiterAt(algorithm: RateLimitAlgorithm, limit: number, windowMs: number, start?: number) {
  const time = clock(start);
  const store = new MemoryStore({ now: () => time.now });
  const limiter = createRateLimiter({ algorithm, limit, windowMs, store });
  return { time, store, limiter };
}

async function allowedCount(consume: () => Promise<{ allowed: boolean }>, attempts: number): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < attempts; i++) if ((await consume()).allowed) allowed++;
  return allowed;
}

describe('fixed-window', () => {
  it('allows `limit` per window, refuses the rest with Retry-After until the window ends, then resets', async () => {
    const { time, limiter } = limiterAt('fixed-window', 5, 60_000);
    assert.equal(await allowedCount(() => limiter.consume('a'), 8), 5);
    const refused = await limiter.consume('a');
    assert.equal(refused.allowed, false);
    assert.equal(refused.remaining, 0);
    assert.equal(refused.retryAfterSeconds, 60);
    time.advance(30_000);
    assert.equal((await limiter.consume('a')).retryAfterSeconds, 30);
    time.advance(30_000);
    const fresh = await limiter.consume('a');
    assert.equal(fresh.allowed, true);
    assert.equal(fresh.remaining, 4);
  });

  it('keeps keys apart and honours cost', async () => {
    const { limiter } = limiterAt('fixed-window', 10, 1000);
    assert.equal((await limiter.consume('a', 7)).remaining, 3);
    assert.equal((await limiter.consume('a', 4)).allowed, false);
    assert.equal((await limiter.consume('a', 3)).allowed, true);
    assert.equal((await limiter.consume('b', 10)).allowed, true);
    assert.equal((await limiter.consume('c', 11)).allowed, false, 'a cost above the limit is never allowed');
  });
});

describe('sliding-window (counter approximation)', () => {
  it('weights the previous window by its overlap, so a burst at a boundary does not double the limit', async () => {
    const { time, limiter } = limiterAt('sliding-window', 10, 60_000, 1_700_000_040_000 - (1_700_000_040_000 % 60_000) + 50_000);
    // 10 requests late in window 1.
    assert.equal(await allowedCount(() => limiter.consume('k'), 10), 10);
    // 15 s into window 2 the previous window still weighs 75%: 7.5 used, so 2 more fit, not 10.
    time.advance(25_000);
    assert.equal(await allowedCount(() => limiter.consume('k'), 10), 2);
    // Near the end of window 2 the previous window barely counts: 0.5 + 2 used.
    time.advance(44_000);
    assert.equal(await allowedCount(() => limiter.consume('k'), 10), 7);
  });

  it('tells a refused client how long to wait, and that wait is enough', async () => {
    const { time, limiter } = limiterAt('sliding-window', 4, 10_000, 1_700_000_000_000);
    assert.equal(await allowedCount(() => limiter.consume('k'), 4), 4);
    const refused = await limiter.consume('k');
    assert.equal(refused.allowed, false);
    assert.ok(refused.retryAfterSeconds >= 1);
    time.advance(refused.retryAfterSeconds * 1000);
    assert.equal((await limiter.consume('k')).allowed, true);
  });

  it('forgets a key after two idle windows', async () => {
    const { time, limiter } = limiterAt('sliding-window', 3, 1000);
    await allowedCount(() => limiter.consume('k'), 3);
    time.advance(2000);
    assert.equal(await allowedCount(() => limiter.consume('k'), 5), 3);
  });
});

describe('token-bucket', () => {
  it('allows a burst of `limit`, then refills at limit per windowMs', async () => {
    const { time, limiter } = limiterAt('token-bucket', 10, 10_000);
    assert.equal(await allowedCount(() => limiter.consume('k'), 15), 10);
    const refused = await limiter.consume('k');
    assert.equal(refused.retryAfterSeconds, 1, 'one token comes back per second');
    time.advance(3000);
    assert.equal(await allowedCount(() => limiter.consume('k'), 10), 3);
    time.advance(60_000);
    assert.equal((await limiter.consume('k')).remaining, 9, 'the bucket never holds more than limit');
  });
});

describe('long windows', () => {
  it('a 30-day window holds for 30 days and resets after, without creating a timer', async () => {
    for (const algorithm of ['fixed-window', 'sliding-window', 'token-bucket'] as const) {
      const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const { time, limiter } = limiterAt(algorithm, 3, 30 * DAY, 1_700_000_000_000 - (1_700_000_000_000 % (30 * DAY)));
      assert.equal(await allowedCount(() => limiter.consume('k'), 5), 3, algorithm);
      const refused = await limiter.consume('k');
      assert.equal(refused.allowed, false);
      // Longer than setTimeout's 2^31-1 ms (24.8 days) ceiling, reported intact.
      assert.ok(refused.retryAfterSeconds * 1000 > 2 ** 31 - 1 || algorithm === 'token-bucket', `${algorithm}: ${refused.retryAfterSeconds}`);
      time.advance(25 * DAY);
      assert.equal((await limiter.consume('k')).allowed, algorithm === 'token-bucket', `${algorithm} after 25 days`);
      time.advance(36 * DAY);
      assert.equal((await limiter.consume('k')).allowed, true, `${algorithm} after 61 days`);
      assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, timersBefore, 'no timer per key');
    }
  });

  it('refuses windows longer than a year and non-numbers with the fix in the message', () => {
    assert.throws(() => createRateLimiter({ windowMs: 400 * DAY }), /windowMs.*366 days/);
    assert.throws(() => createRateLimiter({ windowMs: Number.NaN }), /windowMs/);
  });
});

describe('properties under sustained overload (3x the limit, random arrivals)', () => {
  async function simulate(algorithm: RateLimitAlgorithm, windows: number) {
    let seed = 99;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const { time, limiter } = limiterAt(algorithm, 100, 60_000);
    const start = time.now;
    const allowed: number[] = [];
    while (time.now - start < windows * 60_000) {
      time.advance(Math.floor(rand() * 400)); // about 300 requests per minute
      if ((await limiter.consume('k')).allowed) allowed.push(time.now - start);
    }
    return allowed;
  }

  function maxInAnySpan(times: number[], span: number): number {
    let max = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i] - times[j] >= span) j++;
      max = Math.max(max, i - j + 1);
    }
    return max;
  }

  it('sliding-window: the long-run rate is the limit, and after warm-up no 60 s span exceeds it by more than 5%', async () => {
    const allowed = await simulate('sliding-window', 20);
    const steady = allowed.filter((t) => t >= 2 * 60_000 && t < 20 * 60_000);
    assert.ok(Math.abs(steady.length - 18 * 100) <= 18 * 2, `${steady.length} allowed in 18 minutes`);
    assert.ok(maxInAnySpan(steady, 60_000) <= 105, `max ${maxInAnySpan(steady, 60_000)} in a 60 s span`);
  });

  it('token-bucket: no span of length s allows more than limit + limit * s / windowMs', async () => {
    const allowed = await simulate('token-bucket', 10);
    for (const span of [1000, 10_000, 60_000, 180_000]) {
      assert.ok(maxInAnySpan(allowed, span) <= 100 + Math.ceil((100 * span) / 60_000), `span ${span}: ${maxInAnySpan(allowed, span)}`);
    }
    assert.ok(Math.abs(allowed.length - (100 + 10 * 100)) <= 5, `${allowed.length} allowed in 10 minutes`);
  });

  it('fixed-window: never more than the limit from a window start to its end', async () => {
    const { time, limiter } = limiterAt('fixed-window', 100, 60_000);
    let windowStart = -1;
    let inWindow = 0;
    for (let i = 0; i < 20_000; i++) {
      time.advance(37);
      const d = await limiter.consume('k');
      if (d.resetAt !== windowStart) {
        windowStart = d.resetAt;
        inWindow = 0;
      }
      if (d.allowed) inWindow++;
      assert.ok(inWindow <= 100);
    }
  });
});
