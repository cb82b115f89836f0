import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SecretsKeyError } from './errors.js';

// Keys are X25519. Both halves travel as text with a prefix that says what they are (a secret
// scanner can spot a leaked private key by it) and a 4-byte checksum that catches a truncated
// or mistyped paste before it becomes a confusing "not a recipient" error.
export const PRIVATE_KEY_PREFIX = 'RAMPART-SECRET-KEY-1:';
export const PUBLIC_KEY_PREFIX = 'rampart-pub-1:';

// DER headers of X25519 keys (RFC 8410): node:crypto imports raw 32-byte keys through them.
const PKCS8_X25519_HEADER = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_HEADER = Buffer.from('302a300506032b656e032100', 'hex');
const KEY_BYTES = 32;
const CHECKSUM_BYTES = 4;
const ENCODED_LENGTH = Math.ceil(((KEY_BYTES + CHECKSUM_BYTES) * 4) / 3);

function checksum(prefix: string, raw: Uint8Array): Buffer {
  return createHash('sha256').update(prefix).update(raw).digest().subarray(0, CHECKSUM_BYTES);
}

function encodeKey(prefix: string, raw: Uint8Array): string {
  return prefix + Buffer.concat([raw, checksum(prefix, raw)]).toString('base64url');
}

function decodeKey(prefix: string, text: string): Buffer | 'prefix' | 'length' | 'checksum' {
  if (!text.startsWith(prefix)) return 'prefix';
  const body = text.slice(prefix.length);
  if (body.length !== ENCODED_LENGTH || !/^[A-Za-z0-9_-]+$/.test(body)) return 'length';
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length !== KEY_BYTES + CHECKSUM_BYTES) return 'length';
  const raw = bytes.subarray(0, KEY_BYTES);
  if (!timingSafeEqual(bytes.subarray(KEY_BYTES), checksum(prefix, raw))) return 'checksum';
  return Buffer.from(raw);
}

/** The id of a recipient key: public, short, stable; recorded in the store next to each wrapped key. */
export function recipientKeyId(publicKeyRaw: Uint8Array): string {
  return `rk_${createHash('sha256').update('rampart-secrets recipient key id\0').update(publicKeyRaw).digest('hex').slice(0, 16)}`;
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_HEADER, raw]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - KEY_BYTES));
}

/**
 * Imports a raw X25519 private key. JWK import is about ten times faster than PKCS#8 DER in
 * Node 20 (OpenSSL's decoder lookup); Node derives the public half from `d` and does not use
 * the `x` we must pass, and every caller derives the public key from the KeyObject itself, so
 * a Node that behaved otherwise would show as a wrong key id, never as a wrong key. DER stays
 * as the fallback.
 */
function importPrivateKey(raw: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: raw.toString('base64url'), x: 'A'.repeat(43) }, format: 'jwk' });
  } catch {
    return createPrivateKey({ key: Buffer.concat([PKCS8_X25519_HEADER, raw]), format: 'der', type: 'pkcs8' });
  }
}

/** A recipient's public key, parsed. */
export interface PublicKeyInfo {
  /** `rampart-pub-1:...` */
  readonly text: string;
  readonly raw: Buffer;
  readonly id: string;
}

/** A private key ready for unwrapping; its material stays inside the KeyObject. */
export interface PrivateKeyInfo {
  readonly id: string;
  readonly publicKey: PublicKeyInfo;
  readonly keyObject: KeyObject;
  /** Where it came from, for messages: "RAMPART_SECRETS_KEY", "/home/a/.config/rampart/secrets.key line 2". */
  readonly origin: string;
}

export interface GeneratedKeyPair {
  readonly id: string;
  /** `rampart-pub-1:...`: share it; it goes into the store as a recipient. */
  readonly publicKey: string;
  /** `RAMPART-SECRET-KEY-1:...`: keep it in a key file outside the repository or in a CI secret. */
  readonly privateKey: string;
}

/** A fresh X25519 key pair, encoded as text. */
export function generateKeyPair(): GeneratedKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const raw = der.subarray(der.length - KEY_BYTES);
  const pub = rawPublicKey(publicKey);
  return { id: recipientKeyId(pub), publicKey: encodeKey(PUBLIC_KEY_PREFIX, pub), privateKey: encodeKey(PRIVATE_KEY_PREFIX, raw) };
}

/** Parses `rampart-pub-1:...`; the error says what is wrong with it (the text is public, so it may be quoted). */
export function parsePublicKey(text: string): PublicKeyInfo {
  const trimmed = text.trim();
  const raw = decodeKey(PUBLIC_KEY_PREFIX, trimmed);
  if (typeof raw === 'string') {
    const shown = JSON.stringify(trimmed.slice(0, 70));
    if (trimmed.startsWith(PRIVATE_KEY_PREFIX)) {
      throw new SecretsKeyError(`that is a private key, not a public key: never share it; run \`rampart secrets public-key\` to print the public half`);
    }
    const why = raw === 'prefix' ? `it does not start with ${PUBLIC_KEY_PREFIX}` : raw === 'length' ? 'it has the wrong length' : 'its checksum does not match (a typo or a cut paste?)';
    throw new SecretsKeyError(`invalid public key ${shown}: ${why}`);
  }
  return { text: trimmed, raw, id: recipientKeyId(raw) };
}

/**
 * Parses `RAMPART-SECRET-KEY-1:...`. The error names `origin` (an environment variable or a file
 * and line), never the text, which may be a real key with a typo.
 */
export function parsePrivateKey(text: string, origin: string): PrivateKeyInfo {
  const raw = decodeKey(PRIVATE_KEY_PREFIX, text.trim());
  if (typeof raw === 'string') {
    const why =
      raw === 'prefix'
        ? `it does not start with ${PRIVATE_KEY_PREFIX}${text.trim().startsWith(PUBLIC_KEY_PREFIX) ? ' (that is a public key)' : ''}`
        : raw === 'length'
          ? 'it has the wrong length'
          : 'its checksum does not match (a typo or a cut paste?)';
    throw new SecretsKeyError(`the private key in ${origin} is not valid: ${why}. Create one with \`rampart secrets keygen\``);
  }
  const keyObject = importPrivateKey(raw);
  raw.fill(0);
  const pub = rawPublicKey(createPublicKey(keyObject));
  return { id: recipientKeyId(pub), publicKey: { text: encodeKey(PUBLIC_KEY_PREFIX, pub), raw: pub, id: recipientKeyId(pub) }, keyObject, origin };
}
