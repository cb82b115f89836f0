import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { DEFAULTS } from '../defaults.js';
import { AuthSetupError, rejectUnknownOptions } from '../setup-error.js';
import { memoryThrottleStore } from '../throttle/memory-store.js';
import type { ThrottleStore } from '../throttle/store.js';
import { base32Decode, base32Encode } from './base32.js';
import { createSecretBox, type SecretBoxKeys } from './secret-box.js';
import { memoryTwoFactorStore, type TwoFactorStore } from './store.js';
import { matchTotp, type TotpAlgorithm } from './totp.js';

export interface TwoFactorOptions {
  /** 32-byte AES-256-GCM key for the TOTP secrets at rest (or `{ current, keys }` to rotate). Required. */
  encryptionKey: SecretBoxKeys | Buffer | string;
  /** memoryTwoFactorStore() (default) or redisTwoFactorStore({ client }); or your own. */
  store?: TwoFactorStore;
  /** Counters for the verification throttle (a ThrottleStore: memory or Redis). */
  throttleStore?: ThrottleStore;
  /** Shown in the authenticator app. */
  issuer?: string;
  algorithm?: TotpAlgorithm;
  digits?: number;
  periodSeconds?: number;
  window?: number;
  recoveryCodes?: number;
  throttle?: Partial<typeof DEFAULTS.totp.throttle>;
  /** The clock, for tests; the server's own time, never the client's (ASVS V6.5.8). */
  now?: () => number;
}

export type TwoFactorFailure = 'not-enrolled' | 'invalid-code' | 'replayed' | 'throttled';

export interface TwoFactorResult {
  ok: boolean;
  failure?: TwoFactorFailure;
  retryAfterMs?: number;
}

export interface Enrolment {
  /** Base32 secret, for typing into the app by hand. Show once; it is stored sealed. */
  secret: string;
  /** otpauth://totp/... URI (Key Uri Format). */
  uri: string;
  /** The URI as an SVG QR code, ready to inline in a page. */
  qrSvg: string;
}

export interface TwoFactor {
  /** Starts (or restarts) enrolment: a new secret, not active until confirmEnrolment. */
  beginEnrolment(userId: string, accountName: string): Promise<Enrolment>;
  /** Activates 2FA once the user typed a valid code; returns the recovery codes (show once). */
  confirmEnrolment(userId: string, code: string): Promise<TwoFactorResult & { recoveryCodes?: string[] }>;
  /** A TOTP code at login: window ±1 step, each step usable once, throttled per user. */
  verify(userId: string, code: string): Promise<TwoFactorResult>;
  /** A single-use recovery code instead of a TOTP code (same throttle). */
  useRecoveryCode(userId: string, code: string): Promise<TwoFactorResult & { remaining?: number }>;
  /** New recovery codes; the old ones stop working. */
  regenerateRecoveryCodes(userId: string): Promise<string[] | undefined>;
  isEnabled(userId: string): Promise<boolean>;
  disable(userId: string): Promise<void>;
}

const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');
// Recovery codes: 24 base32 characters = 120 bits, over ASVS V6.5.2's 112 bits, so a plain
// SHA-256 is an acceptable way to store them and lookups are exact-match.
const normalizeRecoveryCode = (code: string) => (typeof code === 'string' && code.length < 100 ? code.replace(/[\s-]/g, '').toUpperCase() : '');
const newRecoveryCode = () => base32Encode(randomBytes(15)).match(/.{4}/g)!.join('-').toLowerCase();

export function createTwoFactor(options: TwoFactorOptions): TwoFactor {
  rejectUnknownOptions('twoFactor', options, ['encryptionKey', 'store', 'throttleStore', 'issuer', 'algorithm', 'digits', 'periodSeconds', 'window', 'recoveryCodes', 'throttle', 'now']);
  if (!options?.encryptionKey) throw new AuthSetupError('twoFactor.encryptionKey', 'is missing', 'Pass a 32-byte key from the secrets store: TOTP secrets are encrypted at rest with AES-256-GCM.');
  const d = DEFAULTS.totp;
  const box = createSecretBox('twoFactor.encryptionKey', options.encryptionKey);
  const params = { algorithm: options.algorithm ?? d.algorithm, digits: options.digits ?? d.digits, periodSeconds: options.periodSeconds ?? d.periodSeconds };
  if (!['SHA1', 'SHA256', 'SHA512'].includes(params.algorithm)) throw new AuthSetupError('twoFactor.algorithm', `is ${JSON.stringify(params.algorithm)}`, 'Use "SHA1" (every app), "SHA256" or "SHA512".');
  if (params.digits !== 6 && params.digits !== 8) throw new AuthSetupError('twoFactor.digits', `is ${params.digits}`, 'Use 6 or 8.');
  if (params.periodSeconds > 30 || params.periodSeconds < 15) throw new AuthSetupError('twoFactor.periodSeconds', `is ${params.periodSeconds}`, 'ASVS V6.5.5 caps a TOTP lifetime at 30 seconds; use 15-30.');
  const window = options.window ?? d.window;
  if (!(window >= 0 && window <= 1)) throw new AuthSetupError('twoFactor.window', `is ${window}`, 'Use 0 or 1 step.');
  const store = options.store ?? memoryTwoFactorStore();
  const throttleStore = options.throttleStore ?? memoryThrottleStore();
  const throttleRule = { ...d.throttle, ...options.throttle };
  const issuer = options.issuer ?? d.issuer;
  const codeCount = options.recoveryCodes ?? d.recoveryCodes;
  const now = options.now ?? Date.now;

  const secretOf = (userId: string, sealed: string) => box.open(sealed, `totp:${userId}`);

  /** Counts a verification attempt before checking it, so parallel guesses cannot outrun the throttle. */
  async function throttled(userId: string, check: () => Promise<TwoFactorResult>): Promise<TwoFactorResult> {
    const key = `2fa:${createHash('sha256').update(userId).digest('base64url').slice(0, 22)}`;
    const t = await throttleStore.attempt([{ key, ...throttleRule, enforce: true, ceiling: 0 }], now(), DEFAULTS.throttle.failureTtlMs);
    if (!t.allowed) return { ok: false, failure: 'throttled', retryAfterMs: t.retryAfterMs };
    const result = await check();
    if (result.ok) await throttleStore.reset([key]);
    return result;
  }

  async function recoveryCodes(userId: string, record: Awaited<ReturnType<TwoFactorStore['get']>> & object) {
    const codes = Array.from({ length: codeCount }, newRecoveryCode);
    await store.set(userId, { ...record, recoveryCodes: codes.map((c) => hashCode(normalizeRecoveryCode(c))) });
    return codes;
  }

  return {
    async beginEnrolment(userId, accountName) {
      const existing = await store.get(userId);
      if (existing?.enabled) throw new Error('twoFactor.beginEnrolment: 2FA is already enabled for this user; disable it first (after re-authentication)');
      const secret = randomBytes(d.secretBytes);
      await store.set(userId, { secret: box.seal(secret, `totp:${userId}`), enabled: false, lastUsedStep: -1, recoveryCodes: [] });
      const b32 = base32Encode(secret);
      const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
      const query = new URLSearchParams({ secret: b32, issuer, algorithm: params.algorithm, digits: String(params.digits), period: String(params.periodSeconds) });
      const uri = `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
      const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { secret: b32, uri, qrSvg };
    },
    async confirmEnrolment(userId, code) {
      const result = await throttled(userId, async () => {
        const r = await store.get(userId);
        const secret = r && !r.enabled ? secretOf(userId, r.secret) : undefined;
        if (!r || !secret) return { ok: false, failure: 'not-enrolled' };
        const step = matchTotp(secret, code, now(), params, window);
        if (step === undefined) return { ok: false, failure: 'invalid-code' };
        await store.set(userId, { ...r, enabled: true, lastUsedStep: step });
        return { ok: true };
      });
      if (!result.ok) return result;
      return { ok: true, recoveryCodes: await recoveryCodes(userId, (await store.get(userId))!) };
    },
    verify(userId, code) {
      return throttled(userId, async () => {
        const r = await store.get(userId);
        const secret = r?.enabled ? secretOf(userId, r.secret) : undefined;
        if (!r || !secret) return { ok: false, failure: 'not-enrolled' };
        const step = matchTotp(secret, code, now(), params, window);
        if (step === undefined) return { ok: false, failure: 'invalid-code' };
        // Once per step: the same code, or an older one, is refused even within its 30 seconds.
        return (await store.advanceStep(userId, step)) ? { ok: true } : { ok: false, failure: 'replayed' };
      });
    },
    async useRecoveryCode(userId, code) {
      let remaining: number | undefined;
      const result = await throttled(userId, async () => {
        const r = await store.get(userId);
        if (!r?.enabled) return { ok: false, failure: 'not-enrolled' };
        const normal = normalizeRecoveryCode(code);
        if (normal.length !== 24 || !(await store.takeRecoveryCode(userId, hashCode(normal)))) return { ok: false, failure: 'invalid-code' };
        remaining = (await store.get(userId))?.recoveryCodes.length;
        return { ok: true };
      });
      return { ...result, remaining };
    },
    async regenerateRecoveryCodes(userId) {
      const r = await store.get(userId);
      return r?.enabled ? recoveryCodes(userId, r) : undefined;
    },
    async isEnabled(userId) {
      return (await store.get(userId))?.enabled === true;
    },
    disable: (userId) => store.delete(userId),
  };
}

/** For tests and migrations: the secret a user's authenticator holds, from its base32 text. */
export const decodeTotpSecret = base32Decode;
