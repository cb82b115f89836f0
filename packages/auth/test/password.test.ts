import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import bcrypt from 'bcryptjs';
import { AuthSetupError, checkPassword, createPasswordHasher, hashPassword, needsRehash, verifyPassword } from '@rampart/auth';

const PEPPER = 'a-pepper-secret-of-at-least-32-bytes!!';

describe('password hashing', () => {
  it('hashPassword makes an argon2id PHC string at OWASP parameters (m=19456, t=2, p=1)', async () => {
    const h = await hashPassword('correct horse battery staple');
    assert.match(h, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.equal(await verifyPassword(h, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(h, 'correct horse battery stapl'), false);
    assert.equal(needsRehash(h), false);
  });

  it('two hashes of one password differ (random salt)', async () => {
    assert.notEqual(await hashPassword('same password here'), await hashPassword('same password here'));
  });

  it('scrypt fallback: N=2^17, r=8, p=1 in PHC format, verified and flagged for rehash under argon2id', async () => {
    const scrypt = createPasswordHasher({ algorithm: 'scrypt' });
    const h = await scrypt.hash('scrypt password 1');
    assert.match(h, /^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]{43}$/);
    assert.equal(await scrypt.verify(h, 'scrypt password 1'), true);
    assert.equal(await scrypt.verify(h, 'scrypt password 2'), false);
    assert.equal(scrypt.needsRehash(h), false);
    assert.deepEqual(await checkPassword(h, 'scrypt password 1'), { valid: true, needsRehash: true });
  });

  it('bcrypt hashes from an older system verify (migration) and always need a rehash', async () => {
    const legacy = bcrypt.hashSync('legacy password', 10);
    assert.deepEqual(await checkPassword(legacy, 'legacy password'), { valid: true, needsRehash: true });
    assert.equal((await checkPassword(legacy, 'wrong password')).reason, 'mismatch');
    // bcrypt is verify-only: new hashes are never bcrypt.
    assert.ok((await hashPassword('legacy password')).startsWith('$argon2id$'));
  });

  it('weaker or different argon2 parameters need a rehash', async () => {
    const stronger = createPasswordHasher({ argon2: { memoryCost: 19456 * 2, timeCost: 3 } });
    const h = await stronger.hash('some long password');
    assert.equal(needsRehash(h), true);
    assert.equal(await verifyPassword(h, 'some long password'), true);
  });

  it('malformed, hostile or foreign hashes return false with a loggable reason and never throw', async () => {
    const cases: [unknown, string][] = [
      ['', 'malformed-hash'],
      ['not a hash', 'malformed-hash'],
      ['$argon2id$v=19$m=19456,t=2,p=1$', 'malformed-hash'],
      ['$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$', 'malformed-hash'],
      ['$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA', 'malformed-hash'],
      ['$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA', 'malformed-hash'],
      ['$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA', 'malformed-hash'],
      ['$scrypt$ln=17,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA', 'mismatch'],
      ['$md5$rounds=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', 'unsupported-algorithm'],
      [`$argon2id$v=19$m=19456,t=2,p=1$${'A'.repeat(2000)}`, 'malformed-hash'],
      ['$argon2id$v=19$m=19456,t=2,p=1,pepper=gone$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA', 'unknown-pepper'],
      ['$2b$10$tooshort', 'malformed-hash'],
      [null, 'not-a-string'],
      [{}, 'not-a-string'],
    ];
    for (const [hash, reason] of cases) {
      const r = await checkPassword(hash as string, 'password123456');
      assert.equal(r.valid, false, String(hash));
      assert.equal(r.reason, reason, String(hash).slice(0, 80));
      assert.equal(await verifyPassword(hash as string, 'password123456'), false);
    }
  });

  it('passwords are NFKC-normalised: composed and decomposed forms of the same text verify', async () => {
    const composed = 'caf\u00e9 au lait tous les jours';
    const decomposed = 'cafe\u0301 au lait tous les jours';
    const h = await hashPassword(composed);
    assert.equal(await verifyPassword(h, decomposed), true);
    // Case is kept exactly (ASVS V6.2.8: no case transformation).
    assert.equal(await verifyPassword(h, composed.toUpperCase()), false);
  });

  it('long passwords up to maxBytes hash, longer ones are refused without hashing', async () => {
    const long = 'ß'.repeat(500); // 1000 bytes
    assert.equal(await verifyPassword(await hashPassword(long), long), true);
    const r = await checkPassword(await hashPassword('short but fine'), 'x'.repeat(1025));
    assert.equal(r.reason, 'password-too-long');
    await assert.rejects(hashPassword('x'.repeat(5000)), RangeError);
  });
});

describe('pepper', () => {
  it('an HMAC pepper with an id: the hash names the pepper, verifies with it, not without it', async () => {
    const peppered = createPasswordHasher({ pepper: { id: 'p1', secret: PEPPER } });
    const h = await peppered.hash('peppered password');
    assert.match(h, /^\$argon2id\$v=19\$m=19456,t=2,p=1,pepper=p1\$/);
    assert.equal(await peppered.verify(h, 'peppered password'), true);
    assert.equal((await checkPassword(h, 'peppered password')).reason, 'unknown-pepper');
    // Without the pepper the stored digest is not the argon2 of the password.
    const plain = await hashPassword('peppered password');
    assert.equal(await peppered.verify(plain, 'peppered password'), true);
    assert.equal(peppered.needsRehash(plain), true);
  });

  it('rotation: hashes under the previous pepper verify and need a rehash under the new one', async () => {
    const old = createPasswordHasher({ pepper: { id: 'p1', secret: PEPPER } });
    const h = await old.hash('rotate me please');
    const rotated = createPasswordHasher({ pepper: { id: 'p2', secret: Buffer.alloc(32, 7) }, previousPeppers: { p1: PEPPER } });
    assert.deepEqual(await rotated.check(h, 'rotate me please'), { valid: true, needsRehash: true });
    const fresh = await rotated.hash('rotate me please');
    assert.ok(fresh.includes('pepper=p2'));
    assert.equal(rotated.needsRehash(fresh), false);
  });

  it('a string or Buffer pepper gets id p1; short peppers are a setup error', () => {
    assert.equal(createPasswordHasher({ pepper: Buffer.alloc(32, 1) }).options.pepper?.id, 'p1');
    assert.throws(() => createPasswordHasher({ pepper: 'short' }), (e: unknown) => e instanceof AuthSetupError && /32 bytes/.test((e as Error).message));
  });
});

describe('password policy (NIST 800-63B, ASVS V6.2)', () => {
  const hasher = createPasswordHasher({ policy: { contextWords: ['rampart'] } });
  it('at least 8 characters, counted as code points', () => {
    assert.equal(hasher.checkPolicy('Xk2#p9q').problem, 'too-short');
    assert.equal(hasher.checkPolicy('Xk2#p9qZ').ok, true);
    assert.equal(hasher.checkPolicy('😀😀😀😀😀😀😀').problem, 'too-short');
  });
  it('accepts 64 and more characters of any composition, up to maxBytes', () => {
    assert.equal(hasher.checkPolicy('a quiet river runs past the old mill every single morning at dawn!!').ok, true);
    assert.equal(hasher.checkPolicy('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz').ok, true);
    assert.equal(hasher.checkPolicy('x'.repeat(1025)).problem, 'too-long');
    assert.equal(hasher.checkPolicy('x'.repeat(1_000_000)).problem, 'too-long');
  });
  it('no composition rules: lowercase-only and spaces-only passwords are fine if not common', () => {
    assert.equal(hasher.checkPolicy('lowercase only passphrase').ok, true);
    assert.equal(hasher.checkPolicy('ĉiuj ŝatas ĉokoladon').ok, true);
  });
  it('refuses passwords from the shipped breached list, case-insensitively', () => {
    for (const p of ['password', 'Password1', '12345678', 'iloveyou', 'qwertyuiop', 'football', 'Trustno1']) {
      assert.equal(hasher.checkPolicy(p).problem, p.length < 8 ? 'too-short' : 'breached', p);
    }
  });
  it('refuses context-specific words (ASVS V6.2.11) and per-user words', () => {
    assert.equal(hasher.checkPolicy('Rampart2024!').problem, 'context-word');
    assert.equal(hasher.checkPolicy('alice.smith99', ['alice.smith']).problem, 'context-word');
    assert.equal(hasher.checkPolicy('walls of the rampart stand tall against the sea').ok, true);
  });
  it('rejects setup below NIST and OWASP minimums with the option named', () => {
    assert.throws(() => createPasswordHasher({ policy: { minLength: 6 } }), /password\.policy\.minLength/);
    assert.throws(() => createPasswordHasher({ argon2: { memoryCost: 4096 } }), /password\.argon2/);
    assert.throws(() => createPasswordHasher({ scrypt: { cost: 16384 } }), /password\.scrypt\.cost/);
    assert.throws(() => createPasswordHasher({ algorithim: 'scrypt' } as never), /Did you mean `algorithm`/);
  });
});
