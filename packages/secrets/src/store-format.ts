import { SecretsFormatError } from './errors.js';
import { fromBase64url, fromBase64urlVariable, isIsoDate } from './encoding.js';
import { DATA_KEY_BYTES, IV_BYTES, TAG_BYTES } from './envelope.js';
import { isRecipientLabel, isSecretName } from './names.js';
import { PUBLIC_KEY_PREFIX } from './keys.js';

// The store file, version 1. Everything but `mac` is covered by the MAC, in the order below;
// `secrets` is kept sorted by name so a change shows up as a small diff in review.

export const STORE_FORMAT = 'rampart-secrets';
export const STORE_VERSION = 1;
export const STORE_ID_BYTES = 16;
export const MAC_BYTES = 32;
/** Rotation history kept in the file (oldest dropped first). */
export const MAX_RETIRED_KEYS = 50;

export const RETIRE_REASONS = ['rotate', 'recipient-removed'] as const;
export type RetireReason = (typeof RETIRE_REASONS)[number];

export interface WrappedKeyDoc {
  /** Ephemeral X25519 public key. */
  readonly epk: string;
  readonly iv: string;
  /** The data key, encrypted. */
  readonly ct: string;
  readonly tag: string;
}

export interface RecipientDoc {
  /** `rk_` + 16 hex: derived from the public key and checked against it. */
  readonly id: string;
  readonly name: string;
  readonly publicKey: string;
  readonly addedAt: string;
  readonly wrappedKey: WrappedKeyDoc;
  /** The writer's tag for this recipient (see envelope.ts): not covered by the MAC, which it covers. */
  readonly writerTag: string;
}

export interface SecretDoc {
  readonly name: string;
  /** The data key that encrypted it: always the current one. */
  readonly keyId: string;
  /** When the value was last set (its age for `check`). */
  readonly setAt: string;
  /** When it was last encrypted (set or rotation). */
  readonly encryptedAt: string;
  /** A per-secret maximum age ("30d") overriding the check's default. */
  readonly maxAge?: string;
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

export interface DataKeyDoc {
  readonly id: string;
  readonly createdAt: string;
}

export interface RetiredKeyDoc extends DataKeyDoc {
  readonly retiredAt: string;
  readonly reason: RetireReason;
}

/** Who wrote this version: a recipient's key id and public key. */
export interface WriterDoc {
  readonly id: string;
  readonly publicKey: string;
}

export interface StoreDoc {
  readonly format: typeof STORE_FORMAT;
  readonly version: typeof STORE_VERSION;
  readonly storeId: string;
  readonly createdAt: string;
  readonly dataKey: DataKeyDoc;
  readonly retiredKeys: readonly RetiredKeyDoc[];
  readonly recipients: readonly RecipientDoc[];
  readonly secrets: readonly SecretDoc[];
  readonly writer: WriterDoc;
  readonly mac: string;
}

/** The bytes the MAC and the writer's tags cover: every field but `mac` and the tags, in a fixed order, whatever the file's layout. */
export function canonicalStore(doc: Omit<StoreDoc, 'mac' | 'recipients'> & { readonly recipients: readonly Omit<RecipientDoc, 'writerTag'>[] }): string {
  return JSON.stringify([
    doc.format,
    doc.version,
    doc.storeId,
    doc.createdAt,
    [doc.dataKey.id, doc.dataKey.createdAt],
    doc.retiredKeys.map((k) => [k.id, k.createdAt, k.retiredAt, k.reason]),
    doc.recipients.map((r) => [r.id, r.name, r.publicKey, r.addedAt, r.wrappedKey.epk, r.wrappedKey.iv, r.wrappedKey.ct, r.wrappedKey.tag]),
    doc.secrets.map((s) => [s.name, s.keyId, s.setAt, s.encryptedAt, s.maxAge ?? null, s.iv, s.ct, s.tag]),
    [doc.writer.id, doc.writer.publicKey],
  ]);
}

/** The file text: stable field order, one field per line, trailing newline. */
export function serializeStore(doc: StoreDoc): string {
  const ordered = {
    format: doc.format,
    version: doc.version,
    storeId: doc.storeId,
    createdAt: doc.createdAt,
    dataKey: { id: doc.dataKey.id, createdAt: doc.dataKey.createdAt },
    retiredKeys: doc.retiredKeys.map((k) => ({ id: k.id, createdAt: k.createdAt, retiredAt: k.retiredAt, reason: k.reason })),
    recipients: doc.recipients.map((r) => ({ id: r.id, name: r.name, publicKey: r.publicKey, addedAt: r.addedAt, wrappedKey: { ...r.wrappedKey }, writerTag: r.writerTag })),
    secrets: doc.secrets.map((s) => ({
      name: s.name,
      keyId: s.keyId,
      setAt: s.setAt,
      encryptedAt: s.encryptedAt,
      ...(s.maxAge === undefined ? {} : { maxAge: s.maxAge }),
      iv: s.iv,
      ct: s.ct,
      tag: s.tag,
    })),
    writer: { id: doc.writer.id, publicKey: doc.writer.publicKey },
    mac: doc.mac,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

// ------------------------------------------------------------------ parsing

/** Line and column (1-based) of a character offset, for error messages. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return `line ${line}, column ${offset - last}`;
}

/** Reads and checks the whole shape; errors name the file and the field. Crypto checks come later. */
export function parseStore(text: string, file: string): StoreDoc {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /at position (\d+)/.exec(message);
    const where = pos ? ` at ${lineColumn(text, Number(pos[1]))}` : '';
    // V8's message may quote a little of the text around the error; the file holds no plaintext values, but keep it short anyway.
    throw new SecretsFormatError(`${file} is not valid JSON${where}: ${message.replace(/\s*\(line \d+ column \d+\)/, '').slice(0, 120)}. Restore it from version control`);
  }
  const v = new Validator(file);
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && (raw as Json).format !== STORE_FORMAT) {
    throw new SecretsFormatError(`${file} is not a Rampart secrets store (its "format" is not "${STORE_FORMAT}")`);
  }
  const doc = v.object(raw, '', ['format', 'version', 'storeId', 'createdAt', 'dataKey', 'retiredKeys', 'recipients', 'secrets', 'writer', 'mac']);
  if (doc.format !== STORE_FORMAT) throw new SecretsFormatError(`${file} is not a Rampart secrets store (its "format" is not "${STORE_FORMAT}")`);
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    throw new SecretsFormatError(`${file}: "version" must be a whole number; this file is damaged`);
  }
  if (doc.version > STORE_VERSION) {
    throw new SecretsFormatError(`${file} uses store format version ${doc.version}, written by a newer Rampart; this one reads version ${STORE_VERSION}: upgrade @rampart/secrets (and the rampart CLI)`);
  }
  const storeId = v.bytes(doc.storeId, 'storeId', STORE_ID_BYTES);
  const createdAt = v.date(doc.createdAt, 'createdAt');
  const dk = v.object(doc.dataKey, 'dataKey', ['id', 'createdAt']);
  const dataKey = { id: v.dataKeyId(dk.id, 'dataKey.id'), createdAt: v.date(dk.createdAt, 'dataKey.createdAt') };
  const retiredKeys = v.array(doc.retiredKeys, 'retiredKeys', MAX_RETIRED_KEYS).map((item, i) => {
    const at = `retiredKeys[${i}]`;
    const k = v.object(item, at, ['id', 'createdAt', 'retiredAt', 'reason']);
    if (!RETIRE_REASONS.includes(k.reason as RetireReason)) v.fail(`${at}.reason`, `expected one of ${RETIRE_REASONS.join(', ')}`);
    return { id: v.dataKeyId(k.id, `${at}.id`), createdAt: v.date(k.createdAt, `${at}.createdAt`), retiredAt: v.date(k.retiredAt, `${at}.retiredAt`), reason: k.reason as RetireReason };
  });
  const recipientIds = new Set<string>();
  const recipients = v.array(doc.recipients, 'recipients', 1000).map((item, i) => {
    const at = `recipients[${i}]`;
    const r = v.object(item, at, ['id', 'name', 'publicKey', 'addedAt', 'wrappedKey', 'writerTag']);
    const id = v.string(r.id, `${at}.id`, /^rk_[0-9a-f]{16}$/, 'rk_ and 16 hex digits');
    if (recipientIds.has(id)) v.fail(`${at}.id`, `recipient ${id} appears twice`);
    recipientIds.add(id);
    const name = v.string(r.name, `${at}.name`);
    if (!isRecipientLabel(name)) v.fail(`${at}.name`, 'not a valid recipient name');
    const publicKey = v.string(r.publicKey, `${at}.publicKey`);
    if (!publicKey.startsWith(PUBLIC_KEY_PREFIX) || publicKey.length > 100) v.fail(`${at}.publicKey`, `expected ${PUBLIC_KEY_PREFIX}...`);
    const w = v.object(r.wrappedKey, `${at}.wrappedKey`, ['epk', 'iv', 'ct', 'tag']);
    return {
      id,
      name,
      publicKey,
      addedAt: v.date(r.addedAt, `${at}.addedAt`),
      wrappedKey: {
        epk: v.bytes(w.epk, `${at}.wrappedKey.epk`, 32),
        iv: v.bytes(w.iv, `${at}.wrappedKey.iv`, IV_BYTES),
        ct: v.bytes(w.ct, `${at}.wrappedKey.ct`, DATA_KEY_BYTES),
        tag: v.bytes(w.tag, `${at}.wrappedKey.tag`, TAG_BYTES),
      },
      writerTag: v.bytes(r.writerTag, `${at}.writerTag`, MAC_BYTES),
    };
  });
  if (recipients.length === 0) v.fail('recipients', 'a store needs at least one recipient');
  const names = new Set<string>();
  const secrets = v.array(doc.secrets, 'secrets', 100_000).map((item, i) => {
    const at = `secrets[${i}]`;
    const s = v.object(item, at, ['name', 'keyId', 'setAt', 'encryptedAt', 'maxAge', 'iv', 'ct', 'tag'], ['maxAge']);
    const name = v.string(s.name, `${at}.name`);
    if (!isSecretName(name)) v.fail(`${at}.name`, 'not a valid secret name');
    if (names.has(name)) throw new SecretsFormatError(`${file}: secret ${name} appears twice (${at}); the file was edited by hand or badly merged`);
    names.add(name);
    const maxAge = s.maxAge === undefined ? undefined : v.string(s.maxAge, `${at}.maxAge`, /^\d{1,6}[smhdwy]$/, 'a duration such as 30d');
    return {
      name,
      keyId: v.dataKeyId(s.keyId, `${at}.keyId`),
      setAt: v.date(s.setAt, `${at}.setAt`),
      encryptedAt: v.date(s.encryptedAt, `${at}.encryptedAt`),
      ...(maxAge === undefined ? {} : { maxAge }),
      iv: v.bytes(s.iv, `${at}.iv`, IV_BYTES),
      ct: v.variableBytes(s.ct, `${at}.ct`, 16 * 1024 * 1024),
      tag: v.bytes(s.tag, `${at}.tag`, TAG_BYTES),
    };
  });
  const w = v.object(doc.writer, 'writer', ['id', 'publicKey']);
  const writer = { id: v.string(w.id, 'writer.id', /^rk_[0-9a-f]{16}$/, 'rk_ and 16 hex digits'), publicKey: v.string(w.publicKey, 'writer.publicKey') };
  if (!writer.publicKey.startsWith(PUBLIC_KEY_PREFIX) || writer.publicKey.length > 100) v.fail('writer.publicKey', `expected ${PUBLIC_KEY_PREFIX}...`);
  const mac = v.bytes(doc.mac, 'mac', MAC_BYTES);
  return { format: STORE_FORMAT, version: STORE_VERSION, storeId, createdAt, dataKey, retiredKeys, recipients, secrets, writer, mac };
}

type Json = Record<string, unknown>;

class Validator {
  constructor(private readonly file: string) {}

  fail(path: string, problem: string): never {
    throw new SecretsFormatError(`${this.file}: field ${path || '(top level)'}: ${problem}. The file is damaged or was edited by hand; restore it from version control`);
  }

  object(value: unknown, path: string, allowed: readonly string[], optional: readonly string[] = []): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'expected an object');
    const obj = value as Json;
    for (const key of Object.keys(obj)) if (!allowed.includes(key)) this.fail(path ? `${path}.${key}` : key, 'unknown field');
    for (const key of allowed) if (!(key in obj) && !optional.includes(key)) this.fail(path ? `${path}.${key}` : key, 'missing');
    return obj;
  }

  array(value: unknown, path: string, max: number): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'expected an array');
    if (value.length > max) this.fail(path, `more than ${max} entries`);
    return value;
  }

  string(value: unknown, path: string, shape?: RegExp, described?: string): string {
    if (typeof value !== 'string') this.fail(path, 'expected a string');
    if (shape && !shape.test(value)) this.fail(path, `expected ${described}`);
    return value;
  }

  date(value: unknown, path: string): string {
    if (!isIsoDate(value)) this.fail(path, 'expected an ISO 8601 UTC date such as 2026-01-31T12:00:00.000Z');
    return value;
  }

  dataKeyId(value: unknown, path: string): string {
    return this.string(value, path, /^dk_[0-9a-f]{16}$/, 'dk_ and 16 hex digits');
  }

  bytes(value: unknown, path: string, length: number): string {
    if (typeof value !== 'string' || !fromBase64url(value, length)) this.fail(path, `expected ${length} bytes as unpadded base64url`);
    return value;
  }

  variableBytes(value: unknown, path: string, max: number): string {
    if (typeof value !== 'string' || !fromBase64urlVariable(value, max)) this.fail(path, 'expected unpadded base64url');
    return value;
  }
}
