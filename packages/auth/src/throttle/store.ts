/**
 * What a throttle store keeps: per key a count of consecutive failures and the time until which
 * the key is locked. `attempt` is atomic in every store (one synchronous step in memory, one Lua
 * script in Redis), so a thousand parallel guesses cannot all slip past the same check.
 */
export interface CounterRule {
  key: string;
  /** Attempts counted before delays start. */
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** false: the counter still counts but its lock and ceiling do not refuse this attempt. */
  enforce: boolean;
  /** Refuse while the count is at or above this (0: none). */
  ceiling: number;
}

export interface AttemptOutcome {
  allowed: boolean;
  /** The key that refused the attempt. */
  blockedKey?: string;
  /** Whether it was the ceiling (rather than a timed lock) that refused it. */
  ceilingReached?: boolean;
  retryAfterMs: number;
  /** Failure counts after this attempt (attempts are counted as failures until settled). */
  failures: number[];
}

export interface ThrottleStore {
  /** Refuses if an enforced key is locked or at its ceiling; else counts the attempt on every key and sets the next lock. */
  attempt(rules: readonly CounterRule[], now: number, ttlMs: number): Promise<AttemptOutcome>;
  /** Consecutive failures of a key (0 when unknown). */
  failures(key: string): Promise<number>;
  /** Forgets keys (success resets the account and pair counters). */
  reset(keys: readonly string[]): Promise<void>;
  /** Takes back one counted attempt (a success should not count against a shared IP). */
  forgive(key: string): Promise<void>;
  /** A flag with a lifetime: known devices. */
  setFlag(key: string, ttlMs: number): Promise<void>;
  hasFlag(key: string): Promise<boolean>;
}

/** The delay after `failures` counted attempts: none for the free ones, then doubling, capped. */
export function lockDelayMs(failures: number, rule: Pick<CounterRule, 'freeAttempts' | 'baseDelayMs' | 'maxDelayMs'>): number {
  if (failures <= rule.freeAttempts) return 0;
  const exponent = Math.min(failures - rule.freeAttempts - 1, 40);
  return Math.min(rule.baseDelayMs * 2 ** exponent, rule.maxDelayMs);
}
