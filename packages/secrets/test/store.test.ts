import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import {
  SecretsError,
  SecretsFormatError,
  SecretsKeyError,
  SecretsStore,
  SecretsTamperError,
  checkAges,
  generateKeyPair,
  parsePrivateKey,
  parsePublicKey,
} from '@rampart/secrets';
import { deriveKeys, fileMac, unwrapDataKey, writerTag } from '../src/envelope.ts';
import { canonicalStore } from '../src/store-format.ts';
import { flipBit, makeStore, readJson, tempHome, tempProject, writeJson, type Json } from './helpers.ts';

const VALUES = {
  DATABASE_URL: 'postgres://app:Sup3r-S3cret-Passw0rd@db.internal:5432/app',
  STRIPE_KEY: 'sk_live_VALUE_THAT_MUST_NOT_LEAK_0123456789',
  SESSION_SECRET: 'ffeeddccbbaa99887766554433221100',
};

/** Opening must fail with `kind`, and the message must name no value. */
function assertRefused(file: string, privateKey: string, kind: new (...a: never[]) => Error, message?: RegExp): Error {
  let caught: unknown;
  try {
    SecretsStore.open(file, { key: privateKey });
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof kind, `expected ${kind.name}, got ${caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)}`);
  const err = caught as Error;
  if (message) assert.match(err.message, message);
  for (const v of Object.values(VALUES)) {
    assert.ok(!err.message.includes(v), 'the error message contains a secret value');
    assert.ok(!inspect(err).includes(v), 'the inspected error contains a secret value');
  }
  assert.ok(!err.message.includes(privateKey) && !inspect(err).includes(privateKey));
  return err;
}

function tamper(file: string, change: (doc: Json) => void): void {
  const doc = readJson(file);
  change(doc);
  writeJson(file, doc);
}

describe('store: round trips', () => {
  it('stores values encrypted and reads them back with the key', () => {
    const { file, key } = makeStore(VALUES);
    const text = readFileSync(file, 'utf8');
    for (const v of Object.values(VALUES)) assert.ok(!text.includes(v), 'a plaintext value is in the file');
    const store = SecretsStore.open(file, { key: key.privateKey });
    assert.deepEqual(Object.fromEntries(store.values()), VALUES);
    assert.deepEqual(store.names(), ['DATABASE_URL', 'SESSION_SECRET', 'STRIPE_KEY']);
  });

  it('keeps Unicode, newlines and a large PEM-like value exactly', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${'A'.repeat(64)}\n`.repeat(200) + '-----END PRIVATE KEY-----\n';
    const odd = 'pässwörd 🔑\r\n\ttab\u0000nul';
    const { file, key } = makeStore({ PEM: pem, ODD: odd });
    const store = SecretsStore.open(file, { key: key.privateKey });
    assert.equal(store.get('PEM'), pem);
    assert.equal(store.get('ODD'), odd);
  });

  it('hides the exact length of a value (padded to 32 bytes)', () => {
    const { file } = makeStore({ A: 'x', B: 'x'.repeat(27) });
    const [a, b] = readJson(file).secrets;
    assert.equal(Buffer.from(a.ct, 'base64url').length, 32);
    assert.equal(Buffer.from(b.ct, 'base64url').length, 32);
  });

  it('keeps the ciphertext of unchanged values on save, so diffs show only what changed', () => {
    const { file, key } = makeStore(VALUES);
    const before = readJson(file);
    const store = SecretsStore.open(file, { key: key.privateKey });
    store.set('NEW_ONE', 'another value');
    store.set('STRIPE_KEY', VALUES.STRIPE_KEY); // same value: unchanged
    store.save();
    const after = readJson(file);
    const byName = (doc: Json, n: string) => doc.secrets.find((s: Json) => s.name === n);
    for (const n of Object.keys(VALUES)) assert.deepEqual(byName(after, n), byName(before, n));
    assert.equal(after.secrets.length, 4);
    assert.deepEqual(
      after.secrets.map((s: Json) => s.name),
      [...after.secrets.map((s: Json) => s.name)].sort(),
    );
  });

  it('a changed value gets a new setAt; the same value keeps its age', () => {
    let now = '2026-01-01T00:00:00.000Z';
    const clock = () => new Date(now);
    const { file, key } = makeStore({ A: 'one' }, { now: clock });
    now = '2026-03-01T00:00:00.000Z';
    const store = SecretsStore.open(file, { key: key.privateKey, now: clock });
    store.set('A', 'one');
    assert.equal(store.info().secrets[0].setAt, '2026-01-01T00:00:00.000Z');
    store.set('A', 'two');
    store.save();
    assert.equal(SecretsStore.open(file, { key: key.privateKey }).info().secrets[0].setAt, '2026-03-01T00:00:00.000Z');
  });

  it('refuses to overwrite a store another process changed since it was opened (no lost update)', () => {
    const { file, key } = makeStore(VALUES);
    const first = SecretsStore.open(file, { key: key.privateKey });
    const second = SecretsStore.open(file, { key: key.privateKey });
    first.set('FROM_FIRST', 'one');
    first.save();
    second.set('FROM_SECOND', 'two');
    assert.throws(() => second.save(), /changed after it was opened .*nothing written; run the command again/);
    assert.deepEqual(SecretsStore.open(file, { key: key.privateKey }).names(), ['DATABASE_URL', 'FROM_FIRST', 'SESSION_SECRET', 'STRIPE_KEY']);
    // The same store object may save again: it knows its own write.
    first.set('AGAIN', 'three');
    first.save();
    const created = SecretsStore.create(file, [{ publicKey: key.publicKey, name: 'alice' }], { writerKey: key.privateKey });
    assert.throws(() => created.save(), /was created by someone else meanwhile/);
  });

  it('writes through a symlinked store file, keeping the link', () => {
    const { dir, file, key } = makeStore(VALUES);
    const link = join(dir, 'linked.enc.json');
    symlinkSync(file, link);
    const store = SecretsStore.open(link, { key: key.privateKey });
    store.set('VIA_LINK', 'yes');
    store.save();
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(SecretsStore.open(file, { key: key.privateKey }).get('VIA_LINK'), 'yes');
  });

  it('rm removes a value and the file still verifies', () => {
    const { file, key } = makeStore(VALUES);
    const store = SecretsStore.open(file, { key: key.privateKey });
    assert.equal(store.delete('STRIPE_KEY'), true);
    assert.equal(store.delete('STRIPE_KEY'), false);
    store.save();
    assert.deepEqual(SecretsStore.open(file, { key: key.privateKey }).names(), ['DATABASE_URL', 'SESSION_SECRET']);
  });

  it('rejects invalid names and empty or oversized values with a clear error', () => {
    const { file, key } = makeStore({});
    const store = SecretsStore.open(file, { key: key.privateKey });
    assert.throws(() => store.set('1BAD', 'v'), /invalid secret name/);
    assert.throws(() => store.set('has space', 'v'), /invalid secret name/);
    assert.throws(() => store.set('../etc', 'v'), /invalid secret name/);
    assert.throws(() => store.set('EMPTY', ''), /empty/);
    assert.throws(() => store.set('BIG', 'x'.repeat(1024 * 1024 + 1)), /more than/);
  });

  it('never prints values or keys when the store is inspected or serialized', () => {
    const { file, key } = makeStore(VALUES);
    const store = SecretsStore.open(file, { key: key.privateKey });
    const shown = `${inspect(store, { depth: 10, showHidden: true })} ${JSON.stringify(store)}`;
    for (const v of Object.values(VALUES)) assert.ok(!shown.includes(v));
    assert.match(shown, /DATABASE_URL/);
  });
});

describe('store: tampering is detected', () => {
  const cases: [string, (doc: Json) => void, RegExp][] = [
    ['one bit of a ciphertext', (d) => void (d.secrets[0].ct = flipBit(d.secrets[0].ct, 5)), /secret DATABASE_URL fails authentication/],
    ['one bit of a tag', (d) => void (d.secrets[1].tag = flipBit(d.secrets[1].tag)), /secret SESSION_SECRET fails authentication/],
    ['one bit of an IV', (d) => void (d.secrets[2].iv = flipBit(d.secrets[2].iv)), /secret STRIPE_KEY fails authentication/],
    ['the name (bound as AAD)', (d) => void (d.secrets[2].name = 'STRIPE_KEY_2'), /secret STRIPE_KEY_2 fails authentication/],
    ['the setAt date (bound as AAD)', (d) => void (d.secrets[0].setAt = '2030-01-01T00:00:00.000Z'), /secret DATABASE_URL fails authentication/],
    ['encryptedAt (covered by the file MAC)', (d) => void (d.secrets[0].encryptedAt = '2030-01-01T00:00:00.000Z'), /MAC does not match/],
    [
      'two ciphertexts swapped between names',
      (d) => {
        const [a, b] = [d.secrets[0], d.secrets[1]];
        [a.iv, a.ct, a.tag, b.iv, b.ct, b.tag] = [b.iv, b.ct, b.tag, a.iv, a.ct, a.tag];
      },
      /fails authentication/,
    ],
    ['two entries reordered', (d) => void d.secrets.reverse(), /MAC does not match: entries were reordered/],
    ['an entry removed', (d) => void d.secrets.splice(1, 1), /MAC does not match/],
    ['the key id of an entry', (d) => void (d.secrets[0].keyId = 'dk_0000000000000000'), /names data key dk_0000000000000000/],
    ['the data key id', (d) => void (d.dataKey.id = 'dk_1111111111111111'), /fails authentication/],
    ['the data key date', (d) => void (d.dataKey.createdAt = '2030-01-01T00:00:00.000Z'), /MAC does not match/],
    ['the wrapped data key', (d) => void (d.recipients[0].wrappedKey.ct = flipBit(d.recipients[0].wrappedKey.ct)), /data key wrapped for alice .* fails authentication/],
    ['the ephemeral key of the wrap', (d) => void (d.recipients[0].wrappedKey.epk = flipBit(d.recipients[0].wrappedKey.epk, 3)), /fails authentication/],
    ['the store id', (d) => void (d.storeId = flipBit(d.storeId)), /fails authentication/],
    ['the MAC itself', (d) => void (d.mac = flipBit(d.mac, 7)), /MAC does not match/],
    ['the recipient name', (d) => void (d.recipients[0].name = 'mallory'), /MAC does not match/],
  ];
  for (const [what, change, message] of cases) {
    it(`refuses a store with ${what} changed`, () => {
      const { file, key } = makeStore(VALUES);
      tamper(file, change);
      assertRefused(file, key.privateKey, SecretsTamperError, message);
    });
  }

  it('refuses an entry replayed from an older version of the same file (file MAC)', () => {
    const { file, key } = makeStore(VALUES);
    const old = readJson(file);
    const store = SecretsStore.open(file, { key: key.privateKey });
    store.set('STRIPE_KEY', 'sk_live_new_value');
    store.save();
    tamper(file, (d) => void (d.secrets[2] = old.secrets[2]));
    assertRefused(file, key.privateKey, SecretsTamperError, /MAC does not match/);
  });

  it('refuses an entry copied from another store, even one with the same key', () => {
    const key = generateKeyPair();
    const a = makeStore(VALUES, { key });
    const b = makeStore({ STRIPE_KEY: 'another store' }, { key });
    tamper(a.file, (d) => void (d.secrets[2] = readJson(b.file).secrets[0]));
    assertRefused(a.file, key.privateKey, SecretsTamperError, /secret STRIPE_KEY names data key dk_\w+, but the store's data key is/);
    // Even with the key id edited to match, the value is bound to its own store and data key.
    tamper(a.file, (d) => void (d.secrets[2].keyId = d.dataKey.id));
    assertRefused(a.file, key.privateKey, SecretsTamperError, /secret STRIPE_KEY fails authentication/);
  });

  it('refuses a recipient whose id does not match its public key', () => {
    const { file, key } = makeStore(VALUES);
    tamper(file, (d) => void (d.recipients[0].id = 'rk_0123456789abcdef'));
    assertRefused(file, key.privateKey, SecretsTamperError, /has id rk_0123456789abcdef but its public key's id is/);
  });

  it('refuses a recipient added by someone without the data key', () => {
    const { file, key } = makeStore(VALUES);
    const mallory = generateKeyPair();
    const doc = readJson(file);
    const pub = parsePublicKey(mallory.publicKey);
    doc.recipients.push({ ...doc.recipients[0], id: pub.id, name: 'mallory', publicKey: mallory.publicKey });
    writeJson(file, doc);
    assertRefused(file, key.privateKey, SecretsTamperError, /MAC does not match/);
    // Mallory's own wrap is a copy of alice's: it does not open for Mallory either.
    assertRefused(file, mallory.privateKey, SecretsTamperError, /data key wrapped for mallory/);
  });
});

describe('store: who wrote it', () => {
  /**
   * A store made from scratch by mallory, who holds only alice's public key (it is in the
   * committed file), with her own tool: valid wraps, MAC and writer tags for the recipients she
   * chooses. `listMallory` false leaves her out of the recipients while she stays the writer.
   */
  function forgeFor(file: string, victimPublic: string, mallory: ReturnType<typeof generateKeyPair>, listMallory: boolean) {
    const forged = SecretsStore.create(file.replace('secrets.enc.json', 'forged.enc.json'), [{ publicKey: mallory.publicKey, name: 'mallory' }], { writerKey: mallory.privateKey });
    forged.addRecipient(victimPublic, 'alice');
    forged.set('DATABASE_URL', 'postgres://attacker-controlled/db');
    forged.save();
    const doc = readJson(forged.file);
    if (!listMallory) {
      const m = parsePrivateKey(mallory.privateKey, 'test');
      const mine = doc.recipients.find((r: Json) => r.name === 'mallory');
      const ctx = { storeId: doc.storeId, dataKeyId: doc.dataKey.id, recipientId: mine.id };
      const w = mine.wrappedKey;
      const dataKey = unwrapDataKey({ epk: Buffer.from(w.epk, 'base64url'), iv: Buffer.from(w.iv, 'base64url'), ct: Buffer.from(w.ct, 'base64url'), tag: Buffer.from(w.tag, 'base64url') }, m.keyObject, m.publicKey.raw, ctx)!;
      doc.recipients = doc.recipients.filter((r: Json) => r.name !== 'mallory');
      const canonical = canonicalStore(doc);
      doc.mac = fileMac(deriveKeys(dataKey, doc.storeId, doc.dataKey.id), canonical).toString('base64url');
      for (const r of doc.recipients) {
        r.writerTag = writerTag(m.keyObject, parsePublicKey(r.publicKey).raw, { storeId: doc.storeId, writerId: m.id, recipientId: r.id }, canonical).toString('base64url');
      }
    }
    writeJson(file, doc);
  }

  it('records the writer, proven by its key, and list shows it', () => {
    const alice = generateKeyPair();
    const bob = generateKeyPair();
    const { file } = makeStore(VALUES, { key: alice });
    const s = SecretsStore.open(file, { key: alice.privateKey });
    s.addRecipient(bob.publicKey, 'bob');
    s.save();
    const byBob = SecretsStore.open(file, { key: bob.privateKey });
    assert.deepEqual(byBob.info().writer, { id: alice.id, name: 'alice' });
    byBob.set('BOBS', 'value');
    byBob.save();
    assert.deepEqual(SecretsStore.open(file, { key: alice.privateKey }).info().writer, { id: bob.id, name: 'bob' });
    assert.equal(readJson(file).writer.id, bob.id);
  });

  it('refuses a store whose writer is not a recipient', () => {
    const { file, key } = makeStore(VALUES);
    forgeFor(file, key.publicKey, generateKeyPair(), false);
    assertRefused(file, key.privateKey, SecretsTamperError, /names rk_\w+ as its writer, which is not one of its recipients/);
  });

  it('refuses a store that claims a writer whose key did not write it', () => {
    const alice = generateKeyPair();
    const bob = generateKeyPair();
    const { file } = makeStore(VALUES, { key: alice });
    const s = SecretsStore.open(file, { key: alice.privateKey });
    s.addRecipient(bob.publicKey, 'bob');
    s.save();
    // Bob's tag for alice is replaced by a tag bob made for himself: alice notices, bob does not.
    tamper(file, (d) => void (d.recipients[0].writerTag = d.recipients[1].writerTag));
    assertRefused(file, alice.privateKey, SecretsTamperError, /the writer's tag for alice .* does not verify: the file was not written by alice/);
    assert.equal(SecretsStore.open(file, { key: bob.privateKey }).get('STRIPE_KEY'), VALUES.STRIPE_KEY);
  });

  it('trustedWriters refuses a store made anew by someone holding only the public keys', () => {
    const { file, key } = makeStore(VALUES);
    const mallory = generateKeyPair();
    forgeFor(file, key.publicKey, mallory, true);
    // Without a trust list the forgery opens (mallory is a listed recipient and writer): the limit the docs state.
    const opened = SecretsStore.open(file, { key: key.privateKey });
    assert.deepEqual(opened.info().writer, { id: mallory.id, name: 'mallory' });
    assertRefusedWith(() => SecretsStore.open(file, { key: key.privateKey, trustedWriters: [key.id] }), /was written by mallory \(rk_\w+\), who is not one of the trusted writers/);
    assertRefusedWith(() => SecretsStore.open(file, { key: key.privateKey, env: { RAMPART_SECRETS_WRITERS: key.publicKey } }), /not one of the trusted writers/);
    assert.throws(() => SecretsStore.open(file, { key: key.privateKey, trustedWriters: ['alice'] }), /neither a recipient id \(rk_\.\.\.\) nor a public key/);
  });

  it('trustedWriters accepts the stores its writers wrote', () => {
    const { file, key } = makeStore(VALUES);
    assert.equal(SecretsStore.open(file, { key: key.privateKey, trustedWriters: [key.id] }).get('STRIPE_KEY'), VALUES.STRIPE_KEY);
    assert.equal(SecretsStore.open(file, { key: key.privateKey, env: { RAMPART_SECRETS_WRITERS: `rk_0000000000000000, ${key.publicKey}` } }).get('STRIPE_KEY'), VALUES.STRIPE_KEY);
  });
});

function assertRefusedWith(open: () => unknown, message: RegExp): void {
  assert.throws(open, (e: Error) => e instanceof SecretsTamperError && message.test(e.message) && !Object.values(VALUES).some((v) => e.message.includes(v)));
}

describe('store: keys and recipients', () => {
  it('refuses the wrong key, naming the recipients and never a value', () => {
    const { file } = makeStore(VALUES);
    const other = generateKeyPair();
    const err = assertRefused(file, other.privateKey, SecretsKeyError, /wrong key .* is not one of its recipients \(alice rk_/);
    assert.match(err.message, new RegExp(other.id));
  });

  it('opens for each of several recipients', () => {
    const alice = generateKeyPair();
    const ci = generateKeyPair();
    const bob = generateKeyPair();
    const { file } = makeStore(VALUES, { key: alice });
    const store = SecretsStore.open(file, { key: alice.privateKey });
    store.addRecipient(ci.publicKey, 'ci');
    store.addRecipient(bob.publicKey, 'bob@laptop');
    store.save();
    for (const k of [alice, ci, bob]) assert.equal(SecretsStore.open(file, { key: k.privateKey }).get('STRIPE_KEY'), VALUES.STRIPE_KEY);
    assert.deepEqual(
      SecretsStore.readUnverified(file).recipients.map((r) => r.name),
      ['alice', 'ci', 'bob@laptop'],
    );
  });

  it('refuses duplicate recipients and a private key given as a public key', () => {
    const alice = generateKeyPair();
    const { file } = makeStore({}, { key: alice });
    const store = SecretsStore.open(file, { key: alice.privateKey });
    assert.throws(() => store.addRecipient(alice.publicKey, 'again'), /already a recipient, named alice/);
    assert.throws(() => store.addRecipient(generateKeyPair().publicKey, 'alice'), /already named alice/);
    const err = (() => {
      try {
        store.addRecipient(alice.privateKey, 'oops');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    assert.ok(err instanceof SecretsKeyError);
    assert.match(err.message, /private key, not a public key/);
    assert.ok(!err.message.includes(alice.privateKey));
  });

  it('removing a recipient rotates the data key: the removed key cannot open the store, even with the old data key', () => {
    const alice = generateKeyPair();
    const bob = generateKeyPair();
    const { file } = makeStore(VALUES, { key: alice });
    const s1 = SecretsStore.open(file, { key: alice.privateKey });
    s1.addRecipient(bob.publicKey, 'bob');
    s1.save();
    const oldDoc = readJson(file);
    const s2 = SecretsStore.open(file, { key: alice.privateKey });
    assert.throws(() => s2.removeRecipient('alice'), /the key you are using: .*another recipient must remove it/);
    s2.removeRecipient('bob');
    s2.set('NEW_SECRET', 'set after bob left');
    s2.save();
    const doc = readJson(file);
    assert.notEqual(doc.dataKey.id, oldDoc.dataKey.id);
    assert.equal(doc.retiredKeys.at(-1).id, oldDoc.dataKey.id);
    assert.equal(doc.retiredKeys.at(-1).reason, 'recipient-removed');
    assertRefused(file, bob.privateKey, SecretsKeyError, /not one of its recipients/);
    // Bob puts his old wrap back: it was made for the old data key, so it does not open.
    doc.recipients.push(oldDoc.recipients[1]);
    writeJson(file, doc);
    assertRefused(file, bob.privateKey, SecretsTamperError);
    assertRefused(file, alice.privateKey, SecretsTamperError, /MAC does not match/);
  });

  it('refuses to remove the last recipient', () => {
    const { file, key } = makeStore({});
    assert.throws(() => SecretsStore.open(file, { key: key.privateKey }).removeRecipient('alice'), /last recipient/);
  });

  it('parses keys with a checksum and never quotes a bad private key', () => {
    const k = generateKeyPair();
    assert.equal(parsePrivateKey(k.privateKey, 'test').id, k.id);
    assert.equal(parsePublicKey(k.publicKey).id, k.id);
    const typo = `${k.privateKey.slice(0, 30)}${k.privateKey[30] === 'A' ? 'B' : 'A'}${k.privateKey.slice(31)}`;
    const err = (() => {
      try {
        parsePrivateKey(typo, 'RAMPART_SECRETS_KEY');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    assert.ok(err instanceof SecretsKeyError);
    assert.match(err.message, /in RAMPART_SECRETS_KEY is not valid: its checksum does not match/);
    assert.ok(!err.message.includes(typo.slice(21)));
    assert.throws(() => parsePrivateKey(k.privateKey.slice(0, -2), 'x'), /wrong length/);
    assert.throws(() => parsePrivateKey(k.publicKey, 'x'), /that is a public key/);
    assert.throws(() => parsePublicKey('ssh-ed25519 AAAA'), /does not start with rampart-pub-1:/);
  });
});

describe('store: rotation and age', () => {
  it('rotate re-encrypts every value under a new data key, keeps values and setAt, and records the date', () => {
    let now = '2026-01-01T00:00:00.000Z';
    const clock = () => new Date(now);
    const { file, key } = makeStore(VALUES, { now: clock });
    const before = readJson(file);
    now = '2026-06-01T00:00:00.000Z';
    const store = SecretsStore.open(file, { key: key.privateKey, now: clock });
    const { retired, current } = store.rotate();
    store.save();
    const after = readJson(file);
    assert.equal(retired, before.dataKey.id);
    assert.equal(after.dataKey.id, current);
    assert.equal(after.dataKey.createdAt, '2026-06-01T00:00:00.000Z');
    assert.deepEqual(after.retiredKeys, [{ id: before.dataKey.id, createdAt: '2026-01-01T00:00:00.000Z', retiredAt: '2026-06-01T00:00:00.000Z', reason: 'rotate' }]);
    for (const [i, s] of after.secrets.entries()) {
      assert.equal(s.keyId, current);
      assert.notEqual(s.ct, before.secrets[i].ct);
      assert.equal(s.setAt, '2026-01-01T00:00:00.000Z');
      assert.equal(s.encryptedAt, '2026-06-01T00:00:00.000Z');
    }
    assert.notEqual(after.recipients[0].wrappedKey.ct, before.recipients[0].wrappedKey.ct);
    assert.deepEqual(Object.fromEntries(SecretsStore.open(file, { key: key.privateKey }).values()), VALUES);
  });

  it('checkAges flags values and the data key past their maximum age; a per-secret max age wins', () => {
    let now = '2026-01-01T00:00:00.000Z';
    const clock = () => new Date(now);
    const { file, key } = makeStore({ OLD: 'a' }, { now: clock });
    now = '2026-03-20T00:00:00.000Z';
    const store = SecretsStore.open(file, { key: key.privateKey, now: clock });
    store.set('SHORT_LIVED', 'b', { maxAge: '7d' });
    store.set('FRESH', 'c');
    store.save();
    const info = SecretsStore.open(file, { key: key.privateKey }).info();
    const at = (iso: string) => checkAges(info, { now: new Date(iso) });
    assert.deepEqual(at('2026-03-21T00:00:00.000Z'), []);
    assert.deepEqual(
      at('2026-04-05T00:00:00.000Z').map((p) => p.name),
      ['OLD', 'SHORT_LIVED'],
    );
    const late = checkAges(info, { now: new Date('2027-06-01T00:00:00.000Z'), maxValueAge: '900d', maxKeyAge: '365d' });
    assert.deepEqual(
      late.map((p) => [p.kind, p.name ?? p.keyId]),
      [
        ['value-too-old', 'SHORT_LIVED'],
        ['data-key-too-old', info.dataKey.id],
      ],
    );
    assert.throws(() => checkAges(info, { maxValueAge: 'ninety days' }), /expected a number and a unit/);
  });
});

describe('store: bad input', () => {
  it('names the file and the line of a JSON syntax error', () => {
    const { file, key } = makeStore(VALUES);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"storeId":', '"storeId"'));
    const err = assertRefused(file, key.privateKey, SecretsFormatError, /is not valid JSON at line 4, column \d+/);
    assert.match(err.message, new RegExp(file.replace(/[/\\.]/g, '\\$&')));
  });

  it('names the field that is wrong', () => {
    const { file, key } = makeStore(VALUES);
    tamper(file, (d) => void (d.secrets[1].iv = 'short'));
    assertRefused(file, key.privateKey, SecretsFormatError, /field secrets\[1\]\.iv: expected 12 bytes/);
    tamper(file, (d) => void (d.secrets[1].extra = 1));
    assertRefused(file, key.privateKey, SecretsFormatError, /field secrets\[1\]\.extra: unknown field/);
  });

  it('refuses impossible dates', () => {
    const { file, key } = makeStore(VALUES);
    tamper(file, (d) => void (d.secrets[0].setAt = '2026-02-30T00:00:00.000Z'));
    assertRefused(file, key.privateKey, SecretsFormatError, /field secrets\[0\]\.setAt: expected an ISO 8601 UTC date/);
    tamper(file, (d) => void (d.secrets[0].setAt = '2024-02-29T24:00:00.000Z'));
    assertRefused(file, key.privateKey, SecretsFormatError, /setAt/);
  });

  it('refuses duplicated names (a bad merge) by name', () => {
    const { file, key } = makeStore(VALUES);
    tamper(file, (d) => void d.secrets.push(d.secrets[0]));
    assertRefused(file, key.privateKey, SecretsFormatError, /secret DATABASE_URL appears twice/);
  });

  it('says when the format version is newer than this reader', () => {
    const { file, key } = makeStore(VALUES);
    tamper(file, (d) => void (d.version = 2));
    assertRefused(file, key.privateKey, SecretsFormatError, /format version 2, written by a newer Rampart/);
  });

  it('refuses binary, non-store JSON, an empty file and a missing file with clear errors', () => {
    const dir = tempProject();
    const key = generateKeyPair();
    const f = join(dir, 'x.json');
    writeFileSync(f, Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x7b]));
    assertRefused(f, key.privateKey, SecretsFormatError, /not UTF-8 text/);
    writeFileSync(f, '{"name":"my-app","version":"1.0.0"}');
    assertRefused(f, key.privateKey, SecretsFormatError, /not a Rampart secrets store/);
    writeFileSync(f, '');
    assertRefused(f, key.privateKey, SecretsFormatError, /not valid JSON/);
    writeFileSync(f, '[1,2,3]');
    assertRefused(f, key.privateKey, SecretsFormatError, /expected an object/);
    assertRefused(join(dir, 'nope.json'), key.privateKey, SecretsFormatError, /secrets file not found/);
  });

  it('handles deeply nested hostile JSON without crashing', () => {
    const dir = tempProject();
    const f = join(dir, 'deep.json');
    writeFileSync(f, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    assert.throws(() => SecretsStore.open(f, { key: generateKeyPair().privateKey }), SecretsError);
  });
});

describe('key files', () => {
  it('refuses a key file inside the repository, and one other users can read', () => {
    const { dir, file, key } = makeStore(VALUES);
    const inRepo = join(dir, 'my.key');
    writeFileSync(inRepo, `${key.privateKey}\n`, { mode: 0o600 });
    assert.throws(() => SecretsStore.open(file, { keyFile: inRepo }), /refusing to use the key file .* is inside the repository/);
    const home = tempHome();
    const loose = join(home, 'loose.key');
    writeFileSync(loose, `${key.privateKey}\n`);
    chmodSync(loose, 0o644);
    assert.throws(() => SecretsStore.open(file, { keyFile: loose }), /can be read or changed by other users \(mode 0644\): run `chmod 600/);
    chmodSync(loose, 0o600);
    assert.equal(SecretsStore.open(file, { keyFile: loose }).get('STRIPE_KEY'), VALUES.STRIPE_KEY);
  });

  it('allowUnsafeKeyFile turns the refusal into a warning', () => {
    const { dir, file, key } = makeStore(VALUES);
    const inRepo = join(dir, 'my.key');
    writeFileSync(inRepo, `${key.privateKey}\n`, { mode: 0o600 });
    const warnings: string[] = [];
    const store = SecretsStore.open(file, { keyFile: inRepo, allowUnsafeKeyFile: true, onWarning: (m) => warnings.push(m) });
    assert.equal(store.get('STRIPE_KEY'), VALUES.STRIPE_KEY);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /inside the repository/);
  });

  it('reads several keys from a key file (comments allowed) and from RAMPART_SECRETS_KEY', () => {
    const old = generateKeyPair();
    const current = generateKeyPair();
    const { file } = makeStore(VALUES, { key: current });
    const home = tempHome();
    const keyFile = join(home, 'keys');
    writeFileSync(keyFile, `# old key\n${old.privateKey}\n\n# new key\n${current.privateKey}\n`, { mode: 0o600 });
    assert.equal(SecretsStore.open(file, { keyFile }).openedWith?.id, current.id);
    assert.equal(SecretsStore.open(file, { env: { RAMPART_SECRETS_KEY: `${old.privateKey},${current.privateKey}` } }).get('STRIPE_KEY'), VALUES.STRIPE_KEY);
    writeFileSync(keyFile, `# nothing here\n`);
    assert.throws(() => SecretsStore.open(file, { keyFile }), /holds no key/);
  });

  it('says where to put a key when there is none', () => {
    const { file } = makeStore(VALUES);
    const home = tempHome();
    assert.throws(() => SecretsStore.open(file, { env: { XDG_CONFIG_HOME: home, HOME: home } }), (err: Error) => err instanceof SecretsKeyError && /no private key: set RAMPART_SECRETS_KEY/.test(err.message));
  });
});
