import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULTS } from './defaults.js';
import { parseDuration } from './duration.js';
import { fromBase64url, fromBase64urlVariable, toBase64url } from './encoding.js';
import { decryptValue, deriveKeys, encryptValue, fileMac, macEquals, newDataKey, unwrapDataKey, verifyWriterTag, wrapDataKey, writerTag, type DerivedKeys, type Sealed } from './envelope.js';
import { SecretsError, SecretsFormatError, SecretsKeyError, SecretsTamperError } from './errors.js';
import { loadPrivateKeys, type KeySourceOptions } from './key-file.js';
import { PUBLIC_KEY_PREFIX, parsePrivateKey, parsePublicKey, recipientKeyId, type PrivateKeyInfo } from './keys.js';
import { assertRecipientLabel, assertSecretName } from './names.js';
import {
  MAX_RETIRED_KEYS,
  STORE_FORMAT,
  STORE_ID_BYTES,
  STORE_VERSION,
  canonicalStore,
  parseStore,
  serializeStore,
  type RecipientDoc,
  type RetireReason,
  type RetiredKeyDoc,
  type SecretDoc,
  type StoreDoc,
} from './store-format.js';

/** What `list` shows about a secret: never its value. */
export interface SecretInfo {
  readonly name: string;
  /** The data key that encrypts it. */
  readonly keyId: string;
  /** When the value was last set: its age. */
  readonly setAt: string;
  /** When it was last encrypted (set, or re-encrypted by a rotation). */
  readonly encryptedAt: string;
  /** Its own maximum age, when set with one. */
  readonly maxAge?: string;
}

export interface RecipientInfo {
  readonly id: string;
  readonly name: string;
  readonly publicKey: string;
  readonly addedAt: string;
}

/** Everything about a store but the values. */
export interface StoreInfo {
  readonly file: string;
  readonly storeId: string;
  readonly createdAt: string;
  readonly dataKey: { readonly id: string; readonly createdAt: string };
  readonly retiredKeys: readonly RetiredKeyDoc[];
  readonly recipients: readonly RecipientInfo[];
  readonly secrets: readonly SecretInfo[];
  /** Who wrote this version (a recipient). */
  readonly writer: { readonly id: string; readonly name: string };
}

export interface StoreOpenOptions extends KeySourceOptions {
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date;
  /**
   * Recipient ids (`rk_...`) or public keys allowed to write the store (default:
   * $RAMPART_SECRETS_WRITERS, comma-separated; when unset, any recipient). Set it where the
   * store is read (production, CI): it refuses a store someone made anew from the public keys.
   */
  readonly trustedWriters?: readonly string[];
}

export interface NewRecipient {
  /** `rampart-pub-1:...` */
  readonly publicKey: string;
  /** A label for humans: "alice@laptop", "ci". */
  readonly name: string;
}

interface Entry {
  value: string;
  setAt: string;
  encryptedAt: string;
  maxAge?: string;
  /** The ciphertext on disk; undefined once the value changed or the key rotated, so save() re-encrypts. */
  sealed?: { iv: string; ct: string; tag: string };
}

interface Recipient {
  readonly id: string;
  readonly name: string;
  readonly publicKey: string;
  readonly publicKeyRaw: Buffer;
  readonly addedAt: string;
  wrappedKey: RecipientDoc['wrappedKey'];
}

function readStoreText(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new SecretsFormatError(`${file} is not a regular file`);
    size = st.size;
  } catch (err) {
    if (err instanceof SecretsError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SecretsFormatError(`secrets file not found: ${file}. Create it with \`rampart secrets set NAME\`, or point ${DEFAULTS.fileEnv} (or the \`file\` option) at it`);
    throw new SecretsFormatError(`cannot read the secrets file ${file}: ${code ?? 'error'}`);
  }
  if (size > DEFAULTS.maxFileBytes) throw new SecretsFormatError(`${file} is ${size} bytes, more than the ${DEFAULTS.maxFileBytes} a secrets store may have: it is not a store, or it is damaged`);
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw new SecretsFormatError(`${file} is not UTF-8 text: it is not a secrets store, or it is damaged`);
  return text;
}

function sealedFromDoc(s: { iv: string; ct: string; tag: string }): Sealed {
  return { iv: fromBase64url(s.iv, 12)!, ct: fromBase64urlVariable(s.ct, Number.MAX_SAFE_INTEGER)!, tag: fromBase64url(s.tag, 16)! };
}

function newDataKeyId(): string {
  return `dk_${randomBytes(8).toString('hex')}`;
}

/**
 * An opened, verified store: the values decrypted in memory, changes written back by save().
 * Opening checks everything before returning: each recipient id against its public key, the
 * wrapped data key, the file MAC over the whole store in order, and every value's own tag.
 */
export class SecretsStore {
  readonly file: string;
  private readonly storeId: string;
  private readonly createdAt: string;
  private dataKey: Buffer;
  private dataKeyDoc: { id: string; createdAt: string };
  private derived: DerivedKeys;
  private retired: RetiredKeyDoc[];
  private readonly recipients: Recipient[];
  private readonly entries: Map<string, Entry>;
  private readonly now: () => Date;
  /** The MAC of the file as it was read (undefined for a new store): save() refuses to overwrite a file changed since. */
  private readMac: string | undefined;
  /** The key this store was opened with (or created by). */
  readonly openedWith: { readonly id: string; readonly origin: string } | undefined;
  /** Signs each save as its writer. */
  private readonly writerKey: PrivateKeyInfo | undefined;
  /** Who wrote the version on disk (undefined before a new store is first saved). */
  private lastWriter: { id: string; name: string } | undefined;

  private constructor(init: {
    file: string;
    storeId: string;
    createdAt: string;
    dataKey: Buffer;
    dataKeyDoc: { id: string; createdAt: string };
    retired: RetiredKeyDoc[];
    recipients: Recipient[];
    entries: Map<string, Entry>;
    now: () => Date;
    writerKey?: PrivateKeyInfo;
    readWriter?: { id: string; name: string };
    readMac?: string;
  }) {
    this.file = init.file;
    this.storeId = init.storeId;
    this.createdAt = init.createdAt;
    this.dataKey = init.dataKey;
    this.dataKeyDoc = init.dataKeyDoc;
    this.derived = deriveKeys(init.dataKey, init.storeId, init.dataKeyDoc.id);
    this.retired = init.retired;
    this.recipients = init.recipients;
    this.entries = init.entries;
    this.now = init.now;
    this.writerKey = init.writerKey;
    this.openedWith = init.writerKey ? { id: init.writerKey.id, origin: init.writerKey.origin } : undefined;
    this.lastWriter = init.readWriter;
    this.readMac = init.readMac;
  }

  /**
   * A new, empty store for these recipients, written (and signed) by `writerKey`, which must be
   * one of them; nothing is written until save().
   */
  static create(file: string, recipients: readonly NewRecipient[], opts: { writerKey: string | PrivateKeyInfo; now?: () => Date }): SecretsStore {
    if (recipients.length === 0) throw new SecretsError('a new store needs at least one recipient (a public key)');
    const writerKey = typeof opts.writerKey === 'string' ? parsePrivateKey(opts.writerKey, 'the `writerKey` option') : opts.writerKey;
    const now = opts.now ?? (() => new Date());
    const at = now().toISOString();
    const store = new SecretsStore({
      file: realStorePath(file),
      storeId: toBase64url(randomBytes(STORE_ID_BYTES)),
      createdAt: at,
      dataKey: newDataKey(),
      dataKeyDoc: { id: newDataKeyId(), createdAt: at },
      retired: [],
      recipients: [],
      entries: new Map(),
      now,
      writerKey,
    });
    for (const r of recipients) store.addRecipient(r.publicKey, r.name);
    if (!store.recipients.some((r) => r.id === writerKey.id)) throw new SecretsError(`the writer's key ${writerKey.id} must be one of the recipients: readers refuse a store written by anyone else`);
    return store;
  }

  /**
   * Opens and verifies a store with the available private keys (see loadPrivateKeys).
   * Throws SecretsKeyError (no key, not a recipient), SecretsTamperError (authentication
   * failed) or SecretsFormatError (not a store, unknown version).
   */
  static open(file: string, opts: StoreOpenOptions = {}): SecretsStore {
    const path = realStorePath(file);
    const doc = parseStore(readStoreText(path), path);
    const keys = loadPrivateKeys({ ...opts, projectDir: opts.projectDir ?? dirname(path) });
    return SecretsStore.openDoc(path, doc, keys, { now: opts.now, trustedWriters: opts.trustedWriters ?? trustedWritersFromEnv(opts.env ?? process.env) });
  }

  /** Opens an already parsed document with the given keys. */
  static openDoc(path: string, doc: StoreDoc, keys: readonly PrivateKeyInfo[], opts: { now?: () => Date; trustedWriters?: readonly string[] } = {}): SecretsStore {
    const now = opts.now ?? (() => new Date());
    const recipients = doc.recipients.map((r, i): Recipient => {
      let pub;
      try {
        pub = parsePublicKey(r.publicKey);
      } catch {
        throw new SecretsTamperError(`${path}: recipients[${i}] (${r.name}) has a damaged public key: the file was tampered with or badly merged`);
      }
      if (pub.id !== r.id) {
        throw new SecretsTamperError(`${path}: recipients[${i}] (${r.name}) has id ${r.id} but its public key's id is ${pub.id}: the file was tampered with`);
      }
      return { id: r.id, name: r.name, publicKey: pub.text, publicKeyRaw: pub.raw, addedAt: r.addedAt, wrappedKey: r.wrappedKey };
    });

    let key: PrivateKeyInfo | undefined;
    let recipient: Recipient | undefined;
    for (const k of keys) {
      recipient = recipients.find((r) => r.id === k.id);
      if (recipient) {
        key = k;
        break;
      }
    }
    if (!key || !recipient) {
      const mine = keys.map((k) => `${k.id} (from ${k.origin})`).join(', ');
      const theirs = recipients.map((r) => `${r.name} ${r.id}`).join(', ');
      throw new SecretsKeyError(
        `wrong key for ${path}: ${keys.length === 1 ? 'the key' : 'no key of'} ${mine} ${keys.length === 1 ? 'is not' : 'is'} one of its recipients (${theirs}). Send your public key (\`rampart secrets public-key\`) to a recipient, who adds it with \`rampart secrets recipients add\``,
      );
    }

    const dataKey = unwrapDataKey(
      { epk: fromBase64url(recipient.wrappedKey.epk, 32)!, ...sealedFromDoc(recipient.wrappedKey) },
      key.keyObject,
      recipient.publicKeyRaw,
      { storeId: doc.storeId, dataKeyId: doc.dataKey.id, recipientId: recipient.id },
    );
    if (!dataKey) {
      throw new SecretsTamperError(`${path}: the data key wrapped for ${recipient.name} (${recipient.id}) fails authentication: the file was tampered with (wrapped key, data key id or store id changed)`);
    }
    const derived = deriveKeys(dataKey, doc.storeId, doc.dataKey.id);

    const expected = fileMac(derived, canonicalStore(doc));
    if (!macEquals(expected, fromBase64url(doc.mac, 32)!)) {
      // Name the first entry that fails on its own, when one does; else the structure changed.
      for (const s of doc.secrets) {
        if (s.keyId !== doc.dataKey.id) {
          throw new SecretsTamperError(`${path}: secret ${s.name} names data key ${s.keyId}, but the store's data key is ${doc.dataKey.id}: the file was tampered with or mixed with another version`);
        }
        if (decryptValue(derived, sealedFromDoc(s), { storeId: doc.storeId, dataKeyId: s.keyId, name: s.name, setAt: s.setAt }) === undefined) {
          throw new SecretsTamperError(`${path}: secret ${s.name} fails authentication: its ciphertext, tag, name or date was changed, or it was moved from another name or file`);
        }
      }
      throw new SecretsTamperError(`${path}: the store's MAC does not match: entries were reordered, removed, added or replaced by older ones, or dates, recipients, writer or rotation history were edited`);
    }

    // Who wrote it: a recipient, proven by its tag for us; and, when the reader says so, a trusted one.
    const writer = recipients.find((r) => r.id === doc.writer.id);
    if (!writer || writer.publicKey !== doc.writer.publicKey) {
      throw new SecretsTamperError(`${path} names ${doc.writer.id} as its writer, which is not one of its recipients: the file was forged or tampered with`);
    }
    const tag = fromBase64url(doc.recipients.find((r) => r.id === recipient!.id)!.writerTag, 32)!;
    if (!verifyWriterTag(key.keyObject, writer.publicKeyRaw, { storeId: doc.storeId, writerId: writer.id, recipientId: recipient.id }, canonicalStore(doc), tag)) {
      throw new SecretsTamperError(`${path}: the writer's tag for ${recipient.name} (${recipient.id}) does not verify: the file was not written by ${writer.name} (${writer.id}) as it claims`);
    }
    const trusted = normalizeWriters(opts.trustedWriters ?? []);
    if (trusted.length > 0 && !trusted.includes(writer.id)) {
      throw new SecretsTamperError(
        `${path} was written by ${writer.name} (${writer.id}), who is not one of the trusted writers (${trusted.join(', ')}): someone holding the recipients' public keys may have made it anew. If ${writer.name} is trusted, add ${writer.id} to ${DEFAULTS.writersEnv}`,
      );
    }

    const entries = new Map<string, Entry>();
    for (const s of doc.secrets) {
      const value = decryptValue(derived, sealedFromDoc(s), { storeId: doc.storeId, dataKeyId: s.keyId, name: s.name, setAt: s.setAt });
      if (value === undefined || s.keyId !== doc.dataKey.id) {
        throw new SecretsTamperError(`${path}: secret ${s.name} fails authentication: the file was tampered with`);
      }
      entries.set(s.name, { value, setAt: s.setAt, encryptedAt: s.encryptedAt, ...(s.maxAge ? { maxAge: s.maxAge } : {}), sealed: { iv: s.iv, ct: s.ct, tag: s.tag } });
    }
    return new SecretsStore({
      file: path,
      storeId: doc.storeId,
      createdAt: doc.createdAt,
      dataKey,
      dataKeyDoc: { ...doc.dataKey },
      retired: [...doc.retiredKeys],
      recipients,
      entries,
      now,
      writerKey: key,
      readWriter: { id: writer.id, name: writer.name },
      readMac: doc.mac,
    });
  }

  /**
   * The store's metadata read without a key and without any check: names, dates, key ids and
   * recipients as the file claims them. Use it only where a key is not at hand (`list`).
   */
  static readUnverified(file: string): StoreInfo {
    const path = resolve(file);
    const doc = parseStore(readStoreText(path), path);
    return infoFromDoc(path, doc);
  }

  // ---------------------------------------------------------------- reading

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The value, or undefined. */
  get(name: string): string | undefined {
    return this.entries.get(name)?.value;
  }

  names(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Name → value for every secret. */
  values(): Map<string, string> {
    return new Map(this.names().map((n) => [n, this.entries.get(n)!.value]));
  }

  /** Metadata; `writer` is who wrote the version on disk (for a store never saved, its writer-to-be). */
  info(): StoreInfo {
    const info = infoFromDoc(this.file, this.toDoc());
    return this.lastWriter ? { ...info, writer: { ...this.lastWriter } } : info;
  }

  // ---------------------------------------------------------------- changing

  /** Sets a value (a new or changed value gets a new `setAt`; the same value keeps its age). */
  set(name: string, value: string, opts: { maxAge?: string } = {}): void {
    assertSecretName(name);
    if (typeof value !== 'string' || value.length === 0) throw new SecretsError(`the value for ${name} is empty: nothing to store`);
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > DEFAULTS.maxValueBytes) throw new SecretsError(`the value for ${name} is ${bytes} bytes, more than the ${DEFAULTS.maxValueBytes} a secret may have`);
    if (opts.maxAge !== undefined) parseDuration(opts.maxAge, `max age of ${name}`);
    const old = this.entries.get(name);
    const maxAge = opts.maxAge ?? old?.maxAge;
    if (old && old.value === value && old.maxAge === maxAge) return;
    const at = this.now().toISOString();
    this.entries.set(name, {
      value,
      setAt: old && old.value === value ? old.setAt : at,
      encryptedAt: at,
      ...(maxAge === undefined ? {} : { maxAge }),
    });
  }

  /** Removes a secret; false when there was none. */
  delete(name: string): boolean {
    return this.entries.delete(name);
  }

  recipientList(): RecipientInfo[] {
    return this.recipients.map(({ id, name, publicKey, addedAt }) => ({ id, name, publicKey, addedAt }));
  }

  /** Adds a recipient: the current data key is wrapped for its public key. */
  addRecipient(publicKey: string, name: string): RecipientInfo {
    assertRecipientLabel(name);
    const pub = parsePublicKey(publicKey);
    const same = this.recipients.find((r) => r.id === pub.id);
    if (same) throw new SecretsError(`that key (${pub.id}) is already a recipient, named ${same.name}`);
    if (this.recipients.some((r) => r.name === name)) throw new SecretsError(`a recipient is already named ${name}: pick another name`);
    const r: Recipient = {
      id: pub.id,
      name,
      publicKey: pub.text,
      publicKeyRaw: pub.raw,
      addedAt: this.now().toISOString(),
      wrappedKey: this.wrapFor(pub.raw, pub.id),
    };
    this.recipients.push(r);
    return { id: r.id, name: r.name, publicKey: r.publicKey, addedAt: r.addedAt };
  }

  /**
   * Removes a recipient by id or name and rotates the data key, so the removed key cannot read
   * anything set from now on. Values it could read before must be changed at their source.
   */
  removeRecipient(idOrName: string): RecipientInfo {
    const index = this.recipients.findIndex((r) => r.id === idOrName || r.name === idOrName);
    if (index < 0) throw new SecretsError(`no recipient ${JSON.stringify(idOrName.slice(0, 80))}; recipients: ${this.recipients.map((r) => `${r.name} (${r.id})`).join(', ')}`);
    if (this.recipients.length === 1) throw new SecretsError('cannot remove the last recipient: nobody could open the store');
    const r = this.recipients[index];
    if (r.id === this.writerKey?.id) {
      throw new SecretsError(`${r.name} (${r.id}) is the key you are using: a store is written by one of its recipients, so another recipient must remove it`);
    }
    this.recipients.splice(index, 1);
    this.rotate('recipient-removed');
    return { id: r.id, name: r.name, publicKey: r.publicKey, addedAt: r.addedAt };
  }

  /**
   * A new data key: every value is re-encrypted under it (keeping its `setAt`), every recipient
   * gets a new wrap, and the old key id goes into the rotation history with today's date.
   */
  rotate(reason: RetireReason = 'rotate'): { retired: string; current: string } {
    const at = this.now().toISOString();
    const old = this.dataKeyDoc;
    this.retired = [...this.retired, { id: old.id, createdAt: old.createdAt, retiredAt: at, reason }].slice(-MAX_RETIRED_KEYS);
    this.dataKey.fill(0);
    this.dataKey = newDataKey();
    this.dataKeyDoc = { id: newDataKeyId(), createdAt: at };
    this.derived = deriveKeys(this.dataKey, this.storeId, this.dataKeyDoc.id);
    for (const r of this.recipients) r.wrappedKey = this.wrapFor(r.publicKeyRaw, r.id);
    for (const e of this.entries.values()) e.sealed = undefined;
    return { retired: old.id, current: this.dataKeyDoc.id };
  }

  /** Writes the store atomically (a temporary file renamed over the old one). */
  save(): void {
    this.assertUnchangedOnDisk();
    const doc = this.toDoc();
    const text = serializeStore(doc);
    const dir = dirname(this.file);
    const tmp = join(dir, `.${basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    let mode = 0o644;
    try {
      mode = statSync(this.file).mode & 0o777;
    } catch {
      /* a new file */
    }
    try {
      writeFileSync(tmp, text, { mode, flag: 'wx' });
      renameSync(tmp, this.file);
      this.readMac = doc.mac;
      this.lastWriter = { id: doc.writer.id, name: this.recipients.find((r) => r.id === doc.writer.id)?.name ?? doc.writer.id };
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        /* never created */
      }
      throw new SecretsError(`cannot write ${this.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }

  /** Never the values or the data key, whatever prints or serializes the store. */
  toJSON(): StoreInfo {
    return this.info();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SecretsStore { file: ${JSON.stringify(this.file)}, secrets: [${this.names().join(', ')}], values: [redacted] }`;
  }

  // ---------------------------------------------------------------- internals

  /**
   * Another process (a second `rampart secrets set`, a git checkout) may have written the file
   * since it was read: refuse rather than silently drop its change.
   */
  private assertUnchangedOnDisk(): void {
    let current: string | undefined;
    try {
      current = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new SecretsError(`cannot read ${this.file} before writing it: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    if (current === undefined) {
      if (this.readMac !== undefined) throw new SecretsError(`${this.file} was deleted after it was opened: nothing written; run the command again`);
      return;
    }
    const mac = /"mac"\s*:\s*"([A-Za-z0-9_-]*)"/.exec(current)?.[1];
    if (this.readMac === undefined) throw new SecretsError(`${this.file} was created by someone else meanwhile: nothing written; run the command again`);
    if (mac !== this.readMac) throw new SecretsError(`${this.file} changed after it was opened (another process or a git operation wrote it): nothing written; run the command again`);
  }

  private wrapFor(publicKeyRaw: Buffer, recipientId: string): RecipientDoc['wrappedKey'] {
    if (recipientKeyId(publicKeyRaw) !== recipientId) throw new SecretsKeyError(`recipient id ${recipientId} does not match its key`);
    const w = wrapDataKey(this.dataKey, publicKeyRaw, { storeId: this.storeId, dataKeyId: this.dataKeyDoc.id, recipientId });
    return { epk: toBase64url(w.epk), iv: toBase64url(w.iv), ct: toBase64url(w.ct), tag: toBase64url(w.tag) };
  }

  /** The document as it would be written: unchanged values keep their ciphertext (small diffs). */
  private toDoc(): StoreDoc {
    const secrets: SecretDoc[] = this.names().map((name) => {
      const e = this.entries.get(name)!;
      if (!e.sealed) {
        const sealed = encryptValue(this.derived, e.value, { storeId: this.storeId, dataKeyId: this.dataKeyDoc.id, name, setAt: e.setAt });
        e.sealed = { iv: toBase64url(sealed.iv), ct: toBase64url(sealed.ct), tag: toBase64url(sealed.tag) };
        e.encryptedAt = this.now().toISOString();
      }
      return { name, keyId: this.dataKeyDoc.id, setAt: e.setAt, encryptedAt: e.encryptedAt, ...(e.maxAge ? { maxAge: e.maxAge } : {}), ...e.sealed };
    });
    const writerKey = this.writerKey;
    if (!writerKey) throw new SecretsKeyError(`no key to write ${this.file} with`);
    if (!this.recipients.some((r) => r.id === writerKey.id)) throw new SecretsKeyError(`your key ${writerKey.id} is not a recipient of ${this.file}: readers would refuse what it writes`);
    const body = {
      format: STORE_FORMAT,
      version: STORE_VERSION,
      storeId: this.storeId,
      createdAt: this.createdAt,
      dataKey: { ...this.dataKeyDoc },
      retiredKeys: [...this.retired],
      recipients: this.recipients.map((r) => ({ id: r.id, name: r.name, publicKey: r.publicKey, addedAt: r.addedAt, wrappedKey: r.wrappedKey })),
      secrets,
      writer: { id: writerKey.id, publicKey: writerKey.publicKey.text },
    } as const;
    const canonical = canonicalStore(body);
    const recipients = body.recipients.map((r, i) => ({
      ...r,
      writerTag: toBase64url(writerTag(writerKey.keyObject, this.recipients[i].publicKeyRaw, { storeId: this.storeId, writerId: writerKey.id, recipientId: r.id }, canonical)),
    }));
    return { ...body, recipients, mac: toBase64url(fileMac(this.derived, canonical)) };
  }
}

/** The store's real path (symlinks followed, so a save replaces the target, not the link). */
function realStorePath(file: string): string {
  const path = resolve(file);
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** $RAMPART_SECRETS_WRITERS: comma-separated recipient ids or public keys. */
function trustedWritersFromEnv(env: NodeJS.ProcessEnv): string[] {
  return (env[DEFAULTS.writersEnv] ?? '')
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

/** Trusted writers as key ids; a public key is reduced to its id, anything else is a setup error. */
function normalizeWriters(writers: readonly string[]): string[] {
  return writers.map((w) => {
    if (/^rk_[0-9a-f]{16}$/.test(w)) return w;
    if (w.startsWith(PUBLIC_KEY_PREFIX)) return parsePublicKey(w).id;
    throw new SecretsKeyError(`trusted writer ${JSON.stringify(w.slice(0, 40))} (from \`trustedWriters\` or ${DEFAULTS.writersEnv}) is neither a recipient id (rk_...) nor a public key (${PUBLIC_KEY_PREFIX}...)`);
  });
}

function infoFromDoc(file: string, doc: StoreDoc): StoreInfo {
  const writer = doc.recipients.find((r) => r.id === doc.writer.id);
  return {
    file,
    storeId: doc.storeId,
    createdAt: doc.createdAt,
    dataKey: { ...doc.dataKey },
    retiredKeys: doc.retiredKeys.map((k) => ({ ...k })),
    recipients: doc.recipients.map(({ id, name, publicKey, addedAt }) => ({ id, name, publicKey, addedAt })),
    secrets: doc.secrets.map(({ name, keyId, setAt, encryptedAt, maxAge }) => ({ name, keyId, setAt, encryptedAt, ...(maxAge ? { maxAge } : {}) })),
    writer: { id: doc.writer.id, name: writer?.name ?? '(not a recipient)' },
  };
}
