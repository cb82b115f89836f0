import { createCipheriv, createDecipheriv, createHmac, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { publicKeyObject, rawPublicKey } from './keys.js';

// The envelope: one random 256-bit data key per store (a new one at every rotation and every
// recipient removal). Each value is AES-256-GCM under a key derived from it; the data key is
// wrapped for each recipient with X25519 (an ephemeral key per wrap) + HKDF-SHA256 +
// AES-256-GCM; a file MAC (HMAC-SHA256 under another derived key) covers the whole store in
// order, so entries cannot be reordered, dropped, duplicated or mixed with older versions.
// Every label below is a domain separator: a key or tag made for one purpose never verifies
// for another.

export const DATA_KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const FORMAT_LABEL = 'rampart-secrets/v1';

export interface Sealed {
  readonly iv: Buffer;
  readonly ct: Buffer;
  readonly tag: Buffer;
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
}

/** Undefined when authentication fails (wrong key, changed ciphertext, tag or AAD). */
function open(key: Uint8Array, sealed: Sealed, aad: Uint8Array): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ct), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** Canonical bytes of a list of strings: JSON has one encoding for each, and no separator can be forged. */
function canonical(parts: readonly string[]): Buffer {
  return Buffer.from(JSON.stringify(parts), 'utf8');
}

function derive(ikm: Uint8Array, salt: Uint8Array, info: readonly string[]): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, canonical(info), 32));
}

// ------------------------------------------------------------------ wrapping for recipients

export interface WrappedKey extends Sealed {
  /** The ephemeral X25519 public key, raw. */
  readonly epk: Buffer;
}

/** Binds a wrap to its store, data key and recipient: a wrap copied elsewhere does not open. */
function wrapContext(storeId: string, dataKeyId: string, recipientId: string): string[] {
  return [FORMAT_LABEL, 'wrap', storeId, dataKeyId, recipientId];
}

export function wrapDataKey(dataKey: Uint8Array, recipientPublicRaw: Uint8Array, ctx: { storeId: string; dataKeyId: string; recipientId: string }): WrappedKey {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipientPublicRaw) });
  const context = wrapContext(ctx.storeId, ctx.dataKeyId, ctx.recipientId);
  const kek = derive(shared, Buffer.concat([epk, recipientPublicRaw]), context);
  shared.fill(0);
  const sealed = seal(kek, dataKey, canonical(context));
  kek.fill(0);
  return { epk, ...sealed };
}

/** The data key, or undefined when this private key cannot open the wrap (tampered or not ours). */
export function unwrapDataKey(wrapped: WrappedKey, privateKey: KeyObject, recipientPublicRaw: Uint8Array, ctx: { storeId: string; dataKeyId: string; recipientId: string }): Buffer | undefined {
  let shared: Buffer;
  try {
    // Throws on a low-order ephemeral point (all-zero shared secret): a forged wrap.
    shared = diffieHellman({ privateKey, publicKey: publicKeyObject(wrapped.epk) });
  } catch {
    return undefined;
  }
  const context = wrapContext(ctx.storeId, ctx.dataKeyId, ctx.recipientId);
  const kek = derive(shared, Buffer.concat([wrapped.epk, recipientPublicRaw]), context);
  shared.fill(0);
  const key = open(kek, wrapped, canonical(context));
  kek.fill(0);
  return key && key.length === DATA_KEY_BYTES ? key : undefined;
}

// ------------------------------------------------------------------ values

/** The keys one data key yields: one for values, one for the file MAC. */
export interface DerivedKeys {
  readonly valueKey: Buffer;
  readonly macKey: Buffer;
}

export function deriveKeys(dataKey: Uint8Array, storeId: string, dataKeyId: string): DerivedKeys {
  const salt = Buffer.from(storeId, 'utf8');
  return {
    valueKey: derive(dataKey, salt, [FORMAT_LABEL, 'value-key', storeId, dataKeyId]),
    macKey: derive(dataKey, salt, [FORMAT_LABEL, 'file-mac-key', storeId, dataKeyId]),
  };
}

/** What a value's ciphertext is bound to: the store, the data key, the name and the date it was set. */
export interface ValueContext {
  readonly storeId: string;
  readonly dataKeyId: string;
  readonly name: string;
  readonly setAt: string;
}

function valueAad(ctx: ValueContext): Buffer {
  return canonical([FORMAT_LABEL, 'value', ctx.storeId, ctx.dataKeyId, ctx.name, ctx.setAt]);
}

/** Values are padded to a multiple of this many bytes so the ciphertext does not tell a value's exact length. */
export const PAD_BLOCK = 32;

/** A 4-byte big-endian length, the UTF-8 value, zeros up to the next PAD_BLOCK. */
function pad(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const out = Buffer.alloc(Math.ceil((bytes.length + 4) / PAD_BLOCK) * PAD_BLOCK);
  out.writeUInt32BE(bytes.length, 0);
  bytes.copy(out, 4);
  bytes.fill(0);
  return out;
}

function unpad(padded: Buffer): string | undefined {
  if (padded.length < 4 || padded.length % PAD_BLOCK !== 0) return undefined;
  const length = padded.readUInt32BE(0);
  if (length > padded.length - 4) return undefined;
  return padded.subarray(4, 4 + length).toString('utf8');
}

export function encryptValue(keys: DerivedKeys, value: string, ctx: ValueContext): Sealed {
  const plain = pad(value);
  const sealed = seal(keys.valueKey, plain, valueAad(ctx));
  plain.fill(0);
  return sealed;
}

/** The value, or undefined when it fails authentication. */
export function decryptValue(keys: DerivedKeys, sealed: Sealed, ctx: ValueContext): string | undefined {
  const plain = open(keys.valueKey, sealed, valueAad(ctx));
  if (!plain) return undefined;
  const text = unpad(plain);
  plain.fill(0);
  return text;
}

// ------------------------------------------------------------------ the writer's tags

// The data key proves nothing about who wrote a store: anyone holding the recipients' public
// keys (they are in the committed file) can make a whole new store for them. Each write is
// therefore also authenticated by its writer's own key: for every recipient, an HMAC over the
// store under a key from X25519(writer private, recipient public). A recipient recomputes it
// from X25519(own private, writer public); nobody without the writer's or that recipient's
// private key can make a tag that verifies.

interface WriterContext {
  readonly storeId: string;
  readonly writerId: string;
  readonly recipientId: string;
}

function writerTagKey(shared: Buffer, ctx: WriterContext): Buffer {
  return derive(shared, Buffer.from(ctx.storeId, 'utf8'), [FORMAT_LABEL, 'writer-tag', ctx.storeId, ctx.writerId, ctx.recipientId]);
}

export function writerTag(writerPrivate: KeyObject, recipientPublicRaw: Uint8Array, ctx: WriterContext, canonicalStore: string): Buffer {
  const shared = diffieHellman({ privateKey: writerPrivate, publicKey: publicKeyObject(recipientPublicRaw) });
  const key = writerTagKey(shared, ctx);
  shared.fill(0);
  return createHmac('sha256', key).update(FORMAT_LABEL).update('\0writer\0').update(canonicalStore).digest();
}

export function verifyWriterTag(recipientPrivate: KeyObject, writerPublicRaw: Uint8Array, ctx: WriterContext, canonicalStore: string, tag: Uint8Array): boolean {
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: recipientPrivate, publicKey: publicKeyObject(writerPublicRaw) });
  } catch {
    return false;
  }
  const key = writerTagKey(shared, ctx);
  shared.fill(0);
  return macEquals(createHmac('sha256', key).update(FORMAT_LABEL).update('\0writer\0').update(canonicalStore).digest(), tag);
}

// ------------------------------------------------------------------ the file MAC

export function fileMac(keys: DerivedKeys, canonicalStore: string): Buffer {
  return createHmac('sha256', keys.macKey).update(FORMAT_LABEL).update('\0file\0').update(canonicalStore).digest();
}

export function macEquals(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
