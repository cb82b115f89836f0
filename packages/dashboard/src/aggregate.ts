import type { SecurityEvent } from '@rampart/core';

type Counts = Record<string, number>;

export interface Aggregates {
  readonly total: number;
  /** Bucket width in seconds. */
  readonly bucketSeconds: number;
  /** One row per bucket start (epoch seconds), with events per kind and attacks blocked. */
  readonly series: readonly { readonly t: number; readonly attacksBlocked: number; readonly byKind: Counts }[];
  readonly attacksBlocked: { readonly total: number; readonly byRule: Counts; readonly byRoute: Counts; readonly byIp: Counts };
  readonly rateLimit: { readonly total: number; readonly byIp: Counts; readonly byRoute: Counts };
  /** Login failures and lockouts as @rampart/auth reports them (see AUTH_LOGIN_RULES), and every auth event by rule. */
  readonly auth: { readonly failures: number; readonly lockouts: number; readonly byRule: Counts };
  readonly errors: { readonly total: number; readonly byRoute: Counts };
}

/**
 * The @rampart/auth rules (packages/auth/src/events.ts) behind the login counters: `login-failure`
 * (wrong password or unknown user), `second-factor-failure` (wrong code), `login-throttled` (a login
 * refused while its user and IP pair, its IP or the account is locked or delayed). Auth marks a
 * refusal by a lock with the action `limited`: that is a lockout, the rest are failures.
 * Successes, step-up requests and CSRF refusals count in neither.
 */
export const AUTH_LOGIN_RULES: readonly string[] = Object.freeze(['login-failure', 'second-factor-failure', 'login-throttled']);

function add(counts: Counts, key: string | undefined): void {
  const k = key ?? '(none)';
  counts[k] = (counts[k] ?? 0) + 1;
}

/** Counts the events the dashboard charts; `events` may come in any order. */
export function aggregateEvents(events: readonly SecurityEvent[], bucketSeconds: number): Aggregates {
  const buckets = new Map<number, { t: number; attacksBlocked: number; byKind: Counts }>();
  const attacks = { total: 0, byRule: {} as Counts, byRoute: {} as Counts, byIp: {} as Counts };
  const rateLimit = { total: 0, byIp: {} as Counts, byRoute: {} as Counts };
  const auth = { failures: 0, lockouts: 0, byRule: {} as Counts };
  const errors = { total: 0, byRoute: {} as Counts };
  for (const e of events) {
    const ms = Date.parse(e.time);
    if (Number.isFinite(ms)) {
      const t = Math.floor(ms / 1000 / bucketSeconds) * bucketSeconds;
      let b = buckets.get(t);
      if (!b) buckets.set(t, (b = { t, attacksBlocked: 0, byKind: {} }));
      add(b.byKind, e.kind);
      if (e.kind === 'attack' && e.action === 'blocked') b.attacksBlocked++;
    }
    if (e.kind === 'attack' && e.action === 'blocked') {
      attacks.total++;
      add(attacks.byRule, e.rule);
      add(attacks.byRoute, e.route);
      add(attacks.byIp, e.ip);
    } else if (e.kind === 'rate-limit') {
      rateLimit.total++;
      add(rateLimit.byIp, e.ip);
      add(rateLimit.byRoute, e.route);
    } else if (e.kind === 'auth') {
      add(auth.byRule, e.rule);
      if (AUTH_LOGIN_RULES.includes(e.rule)) auth[e.action === 'limited' ? 'lockouts' : 'failures']++;
    } else if (e.kind === 'error') {
      errors.total++;
      add(errors.byRoute, e.route);
    }
  }
  const series = [...buckets.values()].sort((a, b) => a.t - b.t);
  return { total: events.length, bucketSeconds, series, attacksBlocked: attacks, rateLimit, auth, errors };
}
