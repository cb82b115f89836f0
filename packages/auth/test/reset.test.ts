import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import { AuthSetupError, createPasswordReset, memoryResetTokenStore, redisResetTokenStore, RESET_REQUESTED_MESSAGE, type ResetTokenStore } from '@rampart/auth';
import { connectRedis, deletePrefix, uniqueName } from './helpers/services.ts';

const redis = await connectRedis();
const prefix = `${uniqueName('rampart-test-reset')}:`;
after(async () => {
  if (redis.client) await deletePrefix(redis.client as Redis, prefix);
  await redis.close();
});

let n = 0;
const STORES: [string, () => ResetTokenStore, string | false][] = [
  ['memory', () => memoryResetTokenStore(), false],
  ['Redis', () => redisResetTokenStore({ client: redis.client!, prefix: `${prefix}${n++}:` }), redis.skip],
];

const USERS = new Map([['alice@example.com', { id: 'u-alice' }]]);

function setup(store: ResetTokenStore, tokenTtlMs?: number) {
  const sent: { userId: string; token: string }[] = [];
  const reset = createPasswordReset({
    store,
    tokenTtlMs,
    findUser: async (email) => USERS.get(email),
    deliver: async (user, token) => void sent.push({ userId: user.id, token }),
  });
  return { reset, sent };
}

for (const [name, makeStore, skip] of STORES) {
  describe(`password reset on the ${name} store`, () => {
    it('the same answer whether or not the account exists; a link only for a real account', { skip }, async () => {
      const { reset, sent } = setup(makeStore());
      const known = await reset.request('alice@example.com');
      const unknown = await reset.request('nobody@example.com');
      const junk = await reset.request({ $ne: null } as never);
      assert.deepEqual(known, { message: RESET_REQUESTED_MESSAGE });
      assert.deepEqual(unknown, known);
      assert.deepEqual(junk, known);
      await new Promise((r) => setImmediate(r));
      assert.equal(sent.length, 1);
      assert.equal(sent[0].userId, 'u-alice');
      assert.match(sent[0].token, /^[A-Za-z0-9_-]{43}$/, '256-bit token');
    });

    it('a token works once, even when used twice at the same moment', { skip }, async () => {
      const { reset, sent } = setup(makeStore());
      await reset.request('alice@example.com');
      await new Promise((r) => setImmediate(r));
      const token = sent[0].token;
      const both = await Promise.all([reset.consume(token), reset.consume(token)]);
      assert.deepEqual(both.sort(), ['u-alice', undefined].sort());
      assert.equal(await reset.consume(token), undefined);
    });

    it('tokens expire', { skip }, async () => {
      const { reset, sent } = setup(makeStore(), 100);
      await reset.request('alice@example.com');
      await new Promise((r) => setTimeout(r, 180));
      assert.equal(await reset.consume(sent[0].token), undefined);
    });

    it('the store holds only a hash of the token; using one token ends the user\'s other pending tokens', { skip }, async () => {
      const store = makeStore();
      const { reset, sent } = setup(store);
      await reset.request('alice@example.com');
      await reset.request('alice@example.com');
      await new Promise((r) => setImmediate(r));
      assert.equal(await store.take(sent[0].token), undefined, 'not stored under the raw token');
      assert.equal(await reset.consume(sent[1].token), 'u-alice');
      assert.equal(await reset.consume(sent[0].token), undefined);
    });

    it('garbage tokens are refused without a store lookup', { skip }, async () => {
      const { reset } = setup(makeStore());
      for (const t of ['', 'x', '../../etc/passwd', 'A'.repeat(10_000), null, 42]) assert.equal(await reset.consume(t as string), undefined);
    });
  });
}

describe('password reset setup', () => {
  it('names the missing option', () => {
    assert.throws(() => createPasswordReset({} as never), (e: unknown) => e instanceof AuthSetupError && /findUser/.test((e as Error).message));
    assert.throws(() => createPasswordReset({ findUser: async () => undefined, deliver: async () => {}, tokenTtlMs: 86_400_000 }), /tokenTtlMs/);
  });
});
