/** rampart({ rateLimit }) in every adapter: RateLimit headers, 429 with Retry-After, one event. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FRAMEWORKS } from './helpers/apps.ts';
import { check, guardedApp, settle } from './helpers/check.ts';

for (const framework of FRAMEWORKS) {
  describe(`rate limit on ${framework}`, () => {
    it('answers 429 with Retry-After after the limit, with RateLimit headers throughout, and emits an event', async () => {
      const app = await guardedApp(framework, { rateLimit: { limit: 3, windowMs: 60_000, algorithm: 'fixed-window' } });
      try {
        for (let i = 0; i < 3; i++) {
          const r = await check(app, { path: '/hello' });
          assert.equal(r.status, 200);
          assert.equal(r.headers.get('ratelimit-limit'), '3');
          assert.equal(r.headers.get('ratelimit-remaining'), String(2 - i));
        }
        const limited = await check(app, { path: '/hello', headers: { 'x-request-id': 'rl-1' } });
        assert.equal(limited.status, 429);
        assert.ok(Number(limited.headers.get('retry-after')) >= 1);
        assert.deepEqual(limited.json(), { error: 'Too many requests', requestId: 'rl-1' });
        // Security headers are on refusals too.
        assert.ok(limited.headers.get('content-security-policy'));
        await settle();
        const events = app.events.recent(100).filter((e) => e.kind === 'rate-limit');
        assert.equal(events.length, 1);
        assert.equal(events[0].requestId, 'rl-1');
      } finally {
        await app.close();
      }
    });
  });
}
