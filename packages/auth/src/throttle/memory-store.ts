import { lockDelayMs, type AttemptOutcome, type CounterRule, type ThrottleStore } from './store.js';

interface Entry {
  failures: number;
  lockedUntil: number;
  expiresAt: number;
}

export interface MemoryThrottleStoreOptions {
  /** Most keys kept; the oldest are dropped first so a flood of usernames cannot exhaust memory. */
  maxKeys?: number;
}

/** One process only: use the Redis store when the app runs on several processes or hosts. */
export function memoryThrottleStore(options: MemoryThrottleStoreOptions = {}): ThrottleStore {
  const maxKeys = options.maxKeys ?? 100_000;
  const entries = new Map<string, Entry>();
  const flags = new Map<string, number>();

  const live = (key: string, now: number): Entry | undefined => {
    const e = entries.get(key);
    if (e && e.expiresAt <= now) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  const bound = <V>(map: Map<string, V>) => {
    while (map.size > maxKeys) map.delete(map.keys().next().value as string);
  };

  return {
    async attempt(rules: readonly CounterRule[], now: number, ttlMs: number): Promise<AttemptOutcome> {
      for (const r of rules) {
        if (!r.enforce) continue;
        const e = live(r.key, now);
        if (!e) continue;
        if (e.lockedUntil > now) return { allowed: false, blockedKey: r.key, retryAfterMs: e.lockedUntil - now, failures: rules.map((x) => live(x.key, now)?.failures ?? 0) };
        if (r.ceiling > 0 && e.failures >= r.ceiling) return { allowed: false, blockedKey: r.key, ceilingReached: true, retryAfterMs: e.expiresAt - now, failures: rules.map((x) => live(x.key, now)?.failures ?? 0) };
      }
      const failures = rules.map((r) => {
        const e = live(r.key, now) ?? { failures: 0, lockedUntil: 0, expiresAt: 0 };
        e.failures += 1;
        const delay = lockDelayMs(e.failures, r);
        e.lockedUntil = delay > 0 ? now + delay : 0;
        e.expiresAt = now + Math.max(ttlMs, delay);
        entries.delete(r.key); // re-insert: Map order is then least-recently-failed first
        entries.set(r.key, e);
        return e.failures;
      });
      bound(entries);
      return { allowed: true, retryAfterMs: 0, failures };
    },
    async failures(key) {
      return live(key, Date.now())?.failures ?? 0;
    },
    async reset(keys) {
      for (const k of keys) entries.delete(k);
    },
    async forgive(key) {
      const e = live(key, Date.now());
      if (!e) return;
      e.failures = Math.max(0, e.failures - 1);
      if (e.failures === 0) entries.delete(key);
    },
    async setFlag(key, ttlMs) {
      flags.delete(key);
      flags.set(key, Date.now() + ttlMs);
      bound(flags);
    },
    async hasFlag(key) {
      const until = flags.get(key);
      return until !== undefined && until > Date.now();
    },
  };
}
