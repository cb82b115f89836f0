import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AuthSetupError, base32Decode, base32Encode, createSecretBox, createTwoFactor, hotp, memoryTwoFactorStore, redisThrottleStore, redisTwoFactorStore, totp, type TwoFactorStore } from '@rampart/auth';
import { connectRedis, deletePrefix, uniqueName } from './helpers/services.ts';

// RFC 6238 Appendix B: the seeds of the reference implementation (20, 32 and 64 ASCII bytes)
// and the 8-digit codes for each time.
const SEEDS = {
  SHA1: Buffer.from('12345678901234567890'),
  SHA256: Buffer.from('12345678901234567890123456789012'),
  SHA512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('RFC 6238 test vectors (Appendix B)', () => {
  for (const [seconds, sha1, sha256, sha512] of VECTORS) {
    it(`T=${seconds}`, () => {
      const p = { digits: 8, periodSeconds: 30 };
      assert.equal(totp(SEEDS.SHA1, seconds * 1000, { ...p, algorithm: 'SHA1' }), sha1);
      assert.equal(totp(SEEDS.SHA256, seconds * 1000, { ...p, algorithm: 'SHA256' }), sha256);
      assert.equal(totp(SEEDS.SHA512, seconds * 1000, { ...p, algorithm: 'SHA512' }), sha512);
    });
  }
  it('RFC 4226 Appendix D HOTP values (counter 0-9)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    assert.deepEqual(expected.map((_, c) => hotp(SEEDS.SHA1, c, 'SHA1', 6)), expected);
  });
  it('base32 round-trips and matches RFC 4648 vectors', () => {
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
    assert.equal(base32Decode('mzxw 6ytb oi======')?.toString(), 'foobar');
    assert.equal(base32Decode('not*base32'), undefined);
    const b = randomBytes(20);
    assert.deepEqual(base32Decode(base32Encode(b)), b);
  });
});

const KEY = randomBytes(32);
const redis = await connectRedis();
const prefix = `${uniqueName('rampart-test-2fa')}:`;
after(async () => {
  if (redis.client) await deletePrefix(redis.client as Redis, prefix);
  await redis.close();
});

let n = 0;
const STORES: [string, () => { store: TwoFactorStore; throttleStore?: ReturnType<typeof redisThrottleStore> }, string | false][] = [
  ['memory', () => ({ store: memoryTwoFactorStore() }), false],
  ['Redis', () => ({ store: redisTwoFactorStore({ client: redis.client!, prefix: `${prefix}${n}:` }), throttleStore: redisThrottleStore({ client: redis.client!, prefix: `${prefix}t${n++}:` }) }), redis.skip],
];

for (const [name, make] of STORES.map(([a, b, c]) => [a, b, c] as const)) {
  describe(`TOTP two-factor on the ${name} store`, () => {
    const skip = STORES.find((s) => s[0] === name)![2];
    let clock = 1_700_000_000_000;
    const setup = () => {
      const stores = make();
      return { ...stores, tf: createTwoFactor({ encryptionKey: KEY, issuer: 'Rampart Shop', now: () => clock, ...stores }) };
    };
    const codeAt = (secret: string, ms: number) => totp(base32Decode(secret)!, ms, { algorithm: 'SHA1', digits: 6, periodSeconds: 30 });

    async function enrolled(tf: ReturnType<typeof createTwoFactor>, user: string) {
      const e = await tf.beginEnrolment(user, `${user}@example.com`);
      const confirm = await tf.confirmEnrolment(user, codeAt(e.secret, clock));
      assert.equal(confirm.ok, true);
      clock += 30_000; // next step: the enrolment code is spent
      return { ...e, recoveryCodes: confirm.recoveryCodes! };
    }

    it('enrolment: otpauth URI and an SVG QR code; not active until a code confirms it', { skip }, async () => {
      const { tf } = setup();
      const e = await tf.beginEnrolment('u1', 'alice@example.com');
      assert.match(e.secret, /^[A-Z2-7]{32}$/, '160-bit secret');
      assert.equal(e.uri, `otpauth://totp/Rampart%20Shop:alice%40example.com?secret=${e.secret}&issuer=Rampart%20Shop&algorithm=SHA1&digits=6&period=30`);
      assert.match(e.qrSvg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"[\s\S]*<path[\s\S]*<\/svg>\s*$/);
      assert.equal(await tf.isEnabled('u1'), false);
      assert.equal((await tf.verify('u1', codeAt(e.secret, clock))).failure, 'not-enrolled');
      assert.equal((await tf.confirmEnrolment('u1', '000000')).ok, false);
      const ok = await tf.confirmEnrolment('u1', codeAt(e.secret, clock));
      assert.equal(ok.ok, true);
      assert.equal(ok.recoveryCodes?.length, 10);
      assert.equal(await tf.isEnabled('u1'), true);
    });

    it('accepts the current step and one step either side, not two', { skip }, async () => {
      const { tf } = setup();
      const e = await enrolled(tf, 'u2');
      assert.equal((await tf.verify('u2', codeAt(e.secret, clock - 60_000))).failure, 'invalid-code');
      assert.equal((await tf.verify('u2', codeAt(e.secret, clock + 60_000))).failure, 'invalid-code');
      assert.equal((await tf.verify('u2', codeAt(e.secret, clock - 30_000))).failure, 'replayed', 'the previous step was spent at enrolment');
      assert.equal((await tf.verify('u2', codeAt(e.secret, clock))).ok, true);
      clock += 30_000;
      assert.equal((await tf.verify('u2', codeAt(e.secret, clock + 30_000))).ok, true, 'one step ahead (clock drift)');
    });

    it('replay protection: a code works once, and an older step never after a newer one', { skip }, async () => {
      const { tf } = setup();
      const e = await enrolled(tf, 'u3');
      const code = codeAt(e.secret, clock);
      assert.equal((await tf.verify('u3', code)).ok, true);
      assert.equal((await tf.verify('u3', code)).failure, 'replayed');
      const both = await Promise.all([tf.verify('u3', codeAt(e.secret, clock + 30_000)), tf.verify('u3', codeAt(e.secret, clock + 30_000))]);
      assert.equal(both.filter((r) => r.ok).length, 1, 'two parallel uses of one code: one wins');
    });

    it('the secret is encrypted at rest (AES-256-GCM, bound to the user) and useless under another key', { skip }, async () => {
      const { tf, store, throttleStore } = setup();
      const e = await enrolled(tf, 'u4');
      const rec = await store.get('u4');
      assert.ok(rec);
      assert.match(rec.secret, /^v1\.k1\./);
      assert.ok(!JSON.stringify(rec).includes(e.secret));
      assert.ok(!JSON.stringify(rec).includes(base32Decode(e.secret)!.toString('base64')));
      const otherKey = createTwoFactor({ encryptionKey: randomBytes(32), store, throttleStore, now: () => clock });
      assert.equal((await otherKey.verify('u4', codeAt(e.secret, clock))).failure, 'not-enrolled');
      // Copying the sealed secret onto another account does not work either.
      await store.set('u5', { ...rec });
      assert.equal((await tf.verify('u5', codeAt(e.secret, clock))).failure, 'not-enrolled');
    });

    it('10 recovery codes, stored hashed, each usable once', { skip }, async () => {
      const { tf, store } = setup();
      const e = await enrolled(tf, 'u6');
      assert.equal(e.recoveryCodes.length, 10);
      assert.equal(new Set(e.recoveryCodes).size, 10);
      for (const c of e.recoveryCodes) assert.match(c, /^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/, '120 bits each');
      const rec = await store.get('u6');
      for (const c of e.recoveryCodes) assert.ok(!JSON.stringify(rec).includes(c.replace(/-/g, '').toUpperCase()));
      const r1 = await tf.useRecoveryCode('u6', e.recoveryCodes[3].toUpperCase().replace(/-/g, ' '));
      assert.deepEqual(r1, { ok: true, remaining: 9 });
      assert.equal((await tf.useRecoveryCode('u6', e.recoveryCodes[3])).failure, 'invalid-code');
      const fresh = await tf.regenerateRecoveryCodes('u6');
      assert.equal(fresh?.length, 10);
      assert.equal((await tf.useRecoveryCode('u6', e.recoveryCodes[4])).ok, false, 'old codes die on regeneration');
      assert.equal((await tf.useRecoveryCode('u6', fresh![0])).ok, true);
    });

    it('verification is throttled per user: 5 free wrong codes, then a lock', { skip }, async () => {
      const { tf } = setup();
      const e = await enrolled(tf, 'u7');
      for (let i = 0; i < 6; i++) assert.equal((await tf.verify('u7', '000000')).failure === 'throttled', false, `try ${i + 1}`);
      const locked = await tf.verify('u7', codeAt(e.secret, clock));
      assert.equal(locked.failure, 'throttled', 'even the right code waits');
      assert.ok((locked.retryAfterMs ?? 0) > 0);
    });
  });
}

describe('two-factor setup', () => {
  it('requires a 32-byte encryption key and sane parameters', () => {
    assert.throws(() => createTwoFactor({} as never), (e: unknown) => e instanceof AuthSetupError && /encryptionKey/.test((e as Error).message));
    assert.throws(() => createTwoFactor({ encryptionKey: randomBytes(16) }), /32-byte/);
    assert.throws(() => createTwoFactor({ encryptionKey: KEY, periodSeconds: 60 }), /30 seconds/);
    assert.throws(() => createTwoFactor({ encryptionKey: KEY, window: 3 }), /window/);
  });
  it('key rotation: secrets sealed under k1 open while k2 seals new ones', () => {
    const k1 = randomBytes(32);
    const old = createSecretBox('k', { current: 'k1', keys: { k1 } });
    const sealed = old.seal(Buffer.from('secret'), 'ctx');
    const rotated = createSecretBox('k', { current: 'k2', keys: { k1, k2: randomBytes(32) } });
    assert.equal(rotated.open(sealed, 'ctx')?.toString(), 'secret');
    assert.match(rotated.seal(Buffer.from('x'), 'ctx'), /^v1\.k2\./);
    assert.equal(rotated.open(sealed.replace(/\.[^.]+$/, '.AAAA'), 'ctx'), undefined, 'tampered ciphertext');
    const parts = sealed.split('.');
    assert.equal(rotated.open([...parts.slice(0, 3), parts[3].slice(0, 8), parts[4]].join('.'), 'ctx'), undefined, 'truncated tag');
  });
});
