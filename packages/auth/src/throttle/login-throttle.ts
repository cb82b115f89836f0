import { createHash } from 'node:crypto';
import { DEFAULTS } from '../defaults.js';
import { AuthSetupError, rejectUnknownOptions } from '../setup-error.js';
import { clientKey } from './client-ip.js';
import { memoryThrottleStore } from './memory-store.js';
import type { CounterRule, ThrottleStore } from './store.js';

type Rule = { freeAttempts: number; baseDelayMs: number; maxDelayMs: number };

export interface LoginThrottleOptions {
  /** Where counters live: memoryThrottleStore() (default, one process) or redisThrottleStore({ client }). */
  store?: ThrottleStore;
  /** Per (username, IP): the temporary lockout of one source against one account. */
  pair?: Partial<Rule>;
  /** Per IP (IPv6 per /64) across all usernames. */
  ip?: Partial<Rule>;
  /** Per username across all IPs: a short, capped delay. */
  user?: Partial<Rule>;
  /** Consecutive account failures after which a login needs the step-up (CAPTCHA, 2FA) to be tried at all. */
  stepUpAfter?: number;
  /** Consecutive account failures after which unknown devices are refused (NIST: at most 100). */
  accountCeiling?: number;
  failureTtlMs?: number;
  knownDeviceTtlMs?: number;
  ipv6PrefixLength?: number;
}

export type ThrottleRefusal = 'pair-locked' | 'ip-locked' | 'account-delayed' | 'account-ceiling' | 'step-up-required';

export interface ThrottleDecision {
  allowed: boolean;
  refusal?: ThrottleRefusal;
  /** When a retry can succeed (for Retry-After); 0 when allowed or when only a step-up helps. */
  retryAfterMs: number;
  /** The account is past stepUpAfter: ask for the step-up on the next attempt. */
  stepUpRequired: boolean;
}

/** One login attempt, from the throttle's point of view: finish it with succeeded() or failed(). */
export interface ThrottleTicket extends ThrottleDecision {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export interface LoginThrottle {
  /**
   * Call before verifying a password. Counts the attempt atomically as a failure; `succeeded()`
   * takes it back. Unknown usernames are counted exactly like real ones (no enumeration).
   */
  begin(username: string, ip: string | undefined, options?: { stepUpPassed?: boolean }): Promise<ThrottleTicket>;
  /** Forget an account's failures (after a password reset). */
  resetAccount(username: string): Promise<void>;
  /** Consecutive failures of an account. */
  accountFailures(username: string): Promise<number>;
  readonly store: ThrottleStore;
}

/** Same spelling, same counter: `Alice`, `alice ` and full-width `ａｌｉｃｅ` are one account. */
export function normalizeUsername(username: string): string {
  return typeof username === 'string' ? username.normalize('NFKC').trim().toLowerCase().slice(0, 320) : '';
}

// Usernames are hashed in keys: a Redis dump or a debug listing does not list who was attacked.
const hashed = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

const KNOWN = ['store', 'pair', 'ip', 'user', 'stepUpAfter', 'accountCeiling', 'failureTtlMs', 'knownDeviceTtlMs', 'ipv6PrefixLength'];

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  rejectUnknownOptions('throttle', options, KNOWN);
  const d = DEFAULTS.throttle;
  const rule = (name: 'pair' | 'ip' | 'user'): Rule => {
    rejectUnknownOptions(`throttle.${name}`, options[name], ['freeAttempts', 'baseDelayMs', 'maxDelayMs']);
    const r = { ...d[name], ...options[name] };
    if (!(r.freeAttempts >= 0 && r.baseDelayMs > 0 && r.maxDelayMs >= r.baseDelayMs)) {
      throw new AuthSetupError(`throttle.${name}`, 'has a non-positive delay or a negative freeAttempts', 'Use freeAttempts >= 0 and 0 < baseDelayMs <= maxDelayMs.');
    }
    return r;
  };
  const pair = rule('pair');
  const ip = rule('ip');
  const user = rule('user');
  const stepUpAfter = options.stepUpAfter ?? d.stepUpAfter;
  const accountCeiling = options.accountCeiling ?? d.accountCeiling;
  if (!(accountCeiling >= 1 && accountCeiling <= 100)) {
    throw new AuthSetupError('throttle.accountCeiling', `is ${accountCeiling}`, 'NIST 800-63B allows at most 100 consecutive failed attempts per account: use 1-100.');
  }
  const failureTtlMs = options.failureTtlMs ?? d.failureTtlMs;
  const knownDeviceTtlMs = options.knownDeviceTtlMs ?? d.knownDeviceTtlMs;
  const prefix = options.ipv6PrefixLength ?? d.ipv6PrefixLength;
  const store = options.store ?? memoryThrottleStore();

  return {
    store,
    async begin(username, rawIp, opts = {}) {
      const account = hashed(normalizeUsername(username));
      const source = clientKey(rawIp, prefix);
      const keys = { user: `u:${account}`, ip: `ip:${source}`, pair: `p:${account}:${source}`, known: `k:${account}:${source}` };
      const known = await store.hasFlag(keys.known);
      const accountFailures = await store.failures(keys.user);
      const stepUpRequired = accountFailures >= stepUpAfter;
      const finish = { succeeded: async () => {}, failed: async () => {} };
      if (stepUpRequired && !opts.stepUpPassed) {
        return { allowed: false, refusal: 'step-up-required', retryAfterMs: 0, stepUpRequired, ...finish };
      }
      // A device that logged in to this account before skips the account-wide delay and ceiling:
      // an attacker spraying from elsewhere cannot lock the owner out of their own computer.
      const rules: CounterRule[] = [
        { key: keys.pair, ...pair, enforce: true, ceiling: 0 },
        { key: keys.ip, ...ip, enforce: true, ceiling: 0 },
        { key: keys.user, ...user, enforce: !known, ceiling: known ? 0 : accountCeiling },
      ];
      const outcome = await store.attempt(rules, Date.now(), failureTtlMs);
      if (!outcome.allowed) {
        const refusal: ThrottleRefusal = outcome.blockedKey === keys.pair ? 'pair-locked' : outcome.blockedKey === keys.ip ? 'ip-locked' : outcome.ceilingReached ? 'account-ceiling' : 'account-delayed';
        return { allowed: false, refusal, retryAfterMs: outcome.retryAfterMs, stepUpRequired, ...finish };
      }
      let settled = false;
      return {
        allowed: true,
        retryAfterMs: 0,
        stepUpRequired: (outcome.failures[2] ?? 0) >= stepUpAfter,
        async succeeded() {
          if (settled) return;
          settled = true;
          await store.reset([keys.user, keys.pair]);
          await store.forgive(keys.ip);
          await store.setFlag(keys.known, knownDeviceTtlMs);
        },
        async failed() {
          settled = true; // already counted by attempt()
        },
      };
    },
    async resetAccount(username) {
      await store.reset([`u:${hashed(normalizeUsername(username))}`]);
    },
    accountFailures: (username) => store.failures(`u:${hashed(normalizeUsername(username))}`),
  };
}
