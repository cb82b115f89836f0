import { hash as argon2Hash, verify as argon2Verify, type Algorithm } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DEFAULTS, type PepperOption } from '../defaults.js';
import { AuthSetupError, rejectUnknownOptions } from '../setup-error.js';
import { formatPhc, parsePhc, type PhcString } from './phc.js';
import { checkPasswordPolicy, normalizePassword, type PasswordPolicyOptions, type PasswordPolicyResult } from './policy.js';

export interface PasswordHasherOptions {
  /** Algorithm of new hashes: `argon2id` (default, @node-rs/argon2) or `scrypt` (node:crypto). */
  algorithm?: 'argon2id' | 'scrypt';
  /** argon2id cost: memoryCost in KiB (19456 = 19 MiB), timeCost (passes), parallelism. */
  argon2?: Partial<typeof DEFAULTS.password.argon2>;
  /** scrypt cost: cost N (power of two), blockSize r, parallelization p. */
  scrypt?: Partial<typeof DEFAULTS.password.scrypt>;
  /** A secret HMAC key applied before hashing, kept outside the database. A Buffer/string gets id `p1`. */
  pepper?: false | PepperOption | string | Buffer;
  /** Older peppers by id, to verify hashes made before a rotation (they are rehashed at the next login). */
  previousPeppers?: Readonly<Record<string, string | Buffer>>;
  /** Rules for new passwords (NIST 800-63B). */
  policy?: Partial<PasswordPolicyOptions>;
}

/** Why a verification failed: loggable, never shown to the user (who always sees one generic message). */
export type VerifyFailure = 'mismatch' | 'malformed-hash' | 'unsupported-algorithm' | 'unknown-pepper' | 'password-too-long' | 'not-a-string';

export interface PasswordCheck {
  valid: boolean;
  /** Set when valid is false. */
  reason?: VerifyFailure;
  /** The hash works but uses older parameters, algorithm or pepper: hash the password again and store it. */
  needsRehash: boolean;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time, never throws: false for a wrong password or any malformed hash. */
  verify(storedHash: string, password: string): Promise<boolean>;
  /** verify() with the reason and whether to rehash. */
  check(storedHash: string, password: string): Promise<PasswordCheck>;
  needsRehash(storedHash: string): boolean;
  /** Verifies against a hash of a random password, costing what a real verification costs (unknown users). */
  verifyDummy(password: string): Promise<false>;
  /** NIST 800-63B rules for a new password. */
  checkPolicy(password: unknown, userWords?: readonly string[]): PasswordPolicyResult;
  readonly options: ResolvedHasherOptions;
}

export interface ResolvedHasherOptions {
  algorithm: 'argon2id' | 'scrypt';
  argon2: typeof DEFAULTS.password.argon2;
  scrypt: typeof DEFAULTS.password.scrypt;
  pepper: { id: string; secret: Buffer } | undefined;
  peppers: ReadonlyMap<string, Buffer>;
  policy: PasswordPolicyOptions;
}

// @node-rs/argon2's Algorithm is an ambient const enum (Argon2d = 0, Argon2i = 1, Argon2id = 2).
const ARGON2ID = 2 as Algorithm;
const BCRYPT = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;
const PEPPER_ID = /^[a-zA-Z0-9.-]{1,32}$/;

export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  rejectUnknownOptions('password', options, ['algorithm', 'argon2', 'scrypt', 'pepper', 'previousPeppers', 'policy']);
  const o = resolve(options);
  let dummy: Promise<string> | undefined;

  async function hash(password: string): Promise<string> {
    if (typeof password !== 'string') throw new TypeError('hashPassword: password must be a string');
    const input = prepare(password, o.pepper, o.policy.maxBytes);
    if (input === undefined) throw new RangeError(`hashPassword: password longer than ${o.policy.maxBytes} bytes`);
    const pepperParam: Record<string, string> = o.pepper ? { pepper: o.pepper.id } : {};
    if (o.algorithm === 'argon2id') {
      const a = o.argon2;
      const phc = await argon2Hash(input, {
        algorithm: ARGON2ID,
        memoryCost: a.memoryCost,
        timeCost: a.timeCost,
        parallelism: a.parallelism,
        outputLen: a.hashLength,
        salt: randomBytes(a.saltLength),
      });
      if (!o.pepper) return phc;
      const parsed = parsePhc(phc)!;
      return formatPhc({ ...parsed, params: { ...parsed.params, ...pepperParam } });
    }
    const s = o.scrypt;
    const salt = randomBytes(s.saltLength);
    const key = await scrypt(Buffer.from(input, 'utf8'), salt, s.keyLength, s.cost, s.blockSize, s.parallelization);
    return formatPhc({ id: 'scrypt', params: { ln: String(Math.log2(s.cost)), r: String(s.blockSize), p: String(s.parallelization), ...pepperParam }, salt, hash: key });
  }

  async function check(storedHash: string, password: string): Promise<PasswordCheck> {
    const fail = (reason: VerifyFailure): PasswordCheck => ({ valid: false, reason, needsRehash: false });
    if (typeof storedHash !== 'string' || typeof password !== 'string') return fail('not-a-string');
    try {
      if (BCRYPT.test(storedHash)) {
        // bcrypt hashes come from an older system: verify only, always rehash. The password goes in
        // as received (that system did not normalise), and bcrypt reads its first 72 bytes as it did.
        if (Buffer.byteLength(password, 'utf8') > o.policy.maxBytes) return fail('password-too-long');
        const ok = await bcrypt.compare(password, storedHash);
        return ok ? { valid: true, needsRehash: true } : fail('mismatch');
      }
      if (/^\$2[abxy]?\$/.test(storedHash)) return fail('malformed-hash'); // bcrypt-like, but not a whole bcrypt hash
      const phc = parsePhc(storedHash);
      if (!phc || !phc.salt || !phc.hash) return fail('malformed-hash');
      let pepper: Buffer | undefined;
      if (phc.params.pepper !== undefined) {
        pepper = o.peppers.get(phc.params.pepper);
        if (!pepper) return fail('unknown-pepper');
      }
      const input = prepare(password, pepper && { id: phc.params.pepper, secret: pepper }, o.policy.maxBytes);
      if (input === undefined) return fail('password-too-long');
      let ok: boolean;
      if (phc.id === 'argon2id' || phc.id === 'argon2i' || phc.id === 'argon2d') {
        if (!validArgon2(phc)) return fail('malformed-hash');
        const { pepper: _p, ...params } = phc.params;
        ok = await argon2Verify(formatPhc({ ...phc, params }), input);
      } else if (phc.id === 'scrypt') {
        const p = scryptParams(phc);
        if (!p) return fail('malformed-hash');
        const key = await scrypt(Buffer.from(input, 'utf8'), phc.salt, phc.hash.length, p.N, p.r, p.p);
        ok = timingSafeEqual(key, phc.hash);
      } else {
        return fail('unsupported-algorithm');
      }
      return ok ? { valid: true, needsRehash: needsRehash(storedHash) } : fail('mismatch');
    } catch {
      // A native binding refusing odd parameters is a malformed hash, never an exception for the caller.
      return fail('malformed-hash');
    }
  }

  function needsRehash(storedHash: string): boolean {
    if (typeof storedHash !== 'string' || BCRYPT.test(storedHash)) return true;
    const phc = parsePhc(storedHash);
    if (!phc) return true;
    if ((phc.params.pepper ?? undefined) !== o.pepper?.id) return true;
    if (o.algorithm === 'argon2id') {
      const a = o.argon2;
      return phc.id !== 'argon2id' || phc.version !== 19 || Number(phc.params.m) !== a.memoryCost || Number(phc.params.t) !== a.timeCost || Number(phc.params.p) !== a.parallelism || phc.hash?.length !== a.hashLength;
    }
    const s = o.scrypt;
    const p = scryptParams(phc);
    return phc.id !== 'scrypt' || !p || p.N !== s.cost || p.r !== s.blockSize || p.p !== s.parallelization || phc.hash?.length !== s.keyLength;
  }

  return {
    hash,
    check,
    needsRehash,
    async verify(storedHash, password) {
      return (await check(storedHash, password)).valid;
    },
    async verifyDummy(password) {
      dummy ??= hash(randomBytes(18).toString('base64'));
      await check(await dummy, typeof password === 'string' ? password : '');
      return false;
    },
    checkPolicy: (password, userWords) => checkPasswordPolicy(password, o.policy, userWords),
    options: o,
  };
}

/**
 * NFKC, bounded length, then the pepper's HMAC (base64, because @node-rs/argon2 reads passwords
 * as UTF-8 text and refuses raw digest bytes). undefined: too long to hash.
 */
function prepare(password: string, pepper: { id: string; secret: Buffer } | undefined, maxBytes: number): string | undefined {
  if (password.length > maxBytes * 4) return undefined;
  const normal = normalizePassword(password);
  if (Buffer.byteLength(normal, 'utf8') > maxBytes) return undefined;
  // The HMAC output is what gets hashed: a stolen database without the pepper cannot be cracked offline.
  return pepper ? createHmac('sha256', pepper.secret).update(normal, 'utf8').digest('base64') : normal;
}

function validArgon2(phc: PhcString): boolean {
  const m = Number(phc.params.m);
  const t = Number(phc.params.t);
  const p = Number(phc.params.p);
  // Bounds stop a hostile stored hash (or a database tampering) from asking for gigabytes of memory.
  return Number.isInteger(m) && m >= 8 && m <= 1 << 21 && Number.isInteger(t) && t >= 1 && t <= 20 && Number.isInteger(p) && p >= 1 && p <= 16 && phc.salt!.length >= 8 && phc.hash!.length >= 16;
}

function scryptParams(phc: PhcString): { N: number; r: number; p: number } | undefined {
  const ln = Number(phc.params.ln);
  const r = Number(phc.params.r);
  const p = Number(phc.params.p);
  if (!Number.isInteger(ln) || ln < 10 || ln > 20 || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return undefined;
  if (!phc.salt || phc.salt.length < 8 || !phc.hash || phc.hash.length < 16 || phc.hash.length > 64) return undefined;
  return { N: 2 ** ln, r, p };
}

function scrypt(password: Buffer, salt: Buffer, keyLength: number, N: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes (128 MiB at N=2^17, r=8); Node's default maxmem is 32 MiB.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return new Promise((resolvePromise, reject) => scryptCallback(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolvePromise(key))));
}

function resolve(options: PasswordHasherOptions): ResolvedHasherOptions {
  const d = DEFAULTS.password;
  rejectUnknownOptions('password.argon2', options.argon2, Object.keys(d.argon2));
  rejectUnknownOptions('password.scrypt', options.scrypt, Object.keys(d.scrypt));
  rejectUnknownOptions('password.policy', options.policy, Object.keys(d.policy));
  const algorithm = options.algorithm ?? d.algorithm;
  if (algorithm !== 'argon2id' && algorithm !== 'scrypt') throw new AuthSetupError('password.algorithm', `is ${JSON.stringify(algorithm)}`, 'Use "argon2id" (recommended) or "scrypt".');
  const argon2 = { ...d.argon2, ...options.argon2 };
  if (argon2.memoryCost < 19456 || argon2.timeCost < 2 || argon2.parallelism < 1) {
    throw new AuthSetupError('password.argon2', `is below the OWASP minimum (m=${argon2.memoryCost}, t=${argon2.timeCost}, p=${argon2.parallelism})`, 'Keep memoryCost >= 19456 (KiB) and timeCost >= 2, or leave the defaults.');
  }
  const scryptOptions = { ...d.scrypt, ...options.scrypt };
  if (!Number.isInteger(Math.log2(scryptOptions.cost)) || scryptOptions.cost < 2 ** 17 || scryptOptions.blockSize < 8) {
    throw new AuthSetupError('password.scrypt.cost', `is ${scryptOptions.cost} with blockSize ${scryptOptions.blockSize}`, 'Use a power of two >= 131072 (2^17) and blockSize >= 8, or leave the defaults.');
  }
  const policy = { ...d.policy, ...options.policy };
  if (!(policy.minLength >= 8)) throw new AuthSetupError('password.policy.minLength', `is ${policy.minLength}`, 'NIST 800-63B and ASVS V6.2.1 need at least 8 (15 recommended).');
  if (!(policy.maxBytes >= 256)) throw new AuthSetupError('password.policy.maxBytes', `is ${policy.maxBytes}`, 'Accept at least 256 bytes so 64-character passphrases in any script fit (ASVS V6.2.9).');
  const peppers = new Map<string, Buffer>();
  for (const [id, secret] of Object.entries(options.previousPeppers ?? {})) peppers.set(id, pepperSecret(`password.previousPeppers.${id}`, secret));
  let pepper: ResolvedHasherOptions['pepper'];
  const given = options.pepper ?? d.pepper;
  if (given !== false) {
    const { id, secret } = typeof given === 'string' || Buffer.isBuffer(given) ? { id: 'p1', secret: given } : given;
    if (!PEPPER_ID.test(id)) throw new AuthSetupError('password.pepper.id', `is ${JSON.stringify(id)}`, 'Use 1-32 letters, digits, dots or dashes (`p2`, `2026-11`).');
    pepper = { id, secret: pepperSecret('password.pepper', secret) };
    peppers.set(id, pepper.secret);
  }
  return { algorithm, argon2, scrypt: scryptOptions, pepper, peppers, policy };
}

function pepperSecret(option: string, secret: string | Buffer): Buffer {
  const b = Buffer.isBuffer(secret) ? secret : typeof secret === 'string' ? Buffer.from(secret, 'utf8') : undefined;
  if (!b || b.length < 32) throw new AuthSetupError(option, 'is shorter than 32 bytes', 'Use a random secret of 32 bytes or more (`openssl rand -base64 32`), loaded from the secrets store.');
  return b;
}
