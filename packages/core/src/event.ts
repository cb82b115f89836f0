import type { PracticeId } from './practices.js';
import type { Severity } from './severity.js';

/**
 * What happened at runtime. A closed union: the dashboard, metrics and docs list every kind.
 * attack: an injection or other attack detected at a sink (practices 1, 11).
 * rate-limit: a client went over a limit (practice 3). validation: input rejected by a schema or
 * a structural check (practice 1). response-filter: a denied field was about to leave (practice 5).
 * error: an unhandled error answered safely (practice 3). auth: login failures, lockouts, 2FA (practice 2).
 * blocklist: a request refused by an IP/user/bot list (practice 11). config: a setup warning such as
 * running as root (practice 10) or an insecure option (practice 9).
 */
export type SecurityEventKind =
  | 'attack'
  | 'rate-limit'
  | 'validation'
  | 'response-filter'
  | 'error'
  | 'auth'
  | 'blocklist'
  | 'config';

export const SECURITY_EVENT_KINDS: readonly SecurityEventKind[] = Object.freeze([
  'attack',
  'rate-limit',
  'validation',
  'response-filter',
  'error',
  'auth',
  'blocklist',
  'config',
]);

/** What Rampart did about it. */
export type SecurityAction = 'blocked' | 'monitored' | 'limited' | 'rejected' | 'redacted' | 'logged' | 'allowed';

/**
 * One structured security event: the unit that goes to logs (pino JSON), metrics, event sinks
 * (memory ring, Redis stream, PostgreSQL) and the dashboard. Never carries a secret value:
 * payloads are truncated and secrets redacted before an event is built.
 */
export interface SecurityEvent {
  /** Unique id (random), for drill-down. */
  readonly id: string;
  /** ISO 8601 time. */
  readonly time: string;
  readonly kind: SecurityEventKind;
  readonly practice: PracticeId;
  /** The detector or rule that fired, kebab-case: `sql-injection`, `rate-limit-ip`, `login-failure`. */
  readonly rule: string;
  readonly action: SecurityAction;
  readonly severity: Severity;
  /** One line for humans, no secret values. */
  readonly message: string;
  readonly requestId?: string;
  readonly ip?: string;
  readonly method?: string;
  /** The route pattern when known (`/orders/:id`), else the path without query string. */
  readonly route?: string;
  readonly userId?: string;
  /** Attack details: the user input (truncated to 200 chars), where it came from, the sink, the app's own stack frame. */
  readonly attack?: {
    readonly payload: string;
    readonly source?: string;
    readonly sink?: string;
    readonly frame?: string;
  };
  /** Anything else specific to the rule, small and JSON-serialisable. */
  readonly details?: Readonly<Record<string, unknown>>;
}
