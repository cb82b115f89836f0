import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createClientIpResolver, RateLimitSetupError, rateKeyOfNormalized, validateTrustProxy } from './client-ip.js';
import { MemoryStore } from './memory-store.js';
import { suggest } from '../setup-error.js';
import type {
  RateLimitAlgorithm,
  RateLimitContext,
  RateLimitDecision,
  RateLimiter,
  RateLimitKey,
  RateLimitOptions,
  RateLimitStore,
  StoreDecision,
  StoreFailurePolicy,
} from './types.js';

/** Every option with its default; the README's table is written from this object. */
export const RATE_LIMIT_DEFAULTS = Object.freeze({
  algorithm: 'sliding-window' as RateLimitAlgorithm,
  limit: 100,
  windowMs: 60_000,
  key: 'ip' as RateLimitKey,
  trustProxy: false as const,
  ipv6Prefix: 64,
  store: undefined as RateLimitStore | undefined,
  onStoreError: 'memory' as StoreFailurePolicy,
  storeTimeoutMs: 250,
  name: 'rl',
  events: undefined,
});

const ALGORITHMS: readonly RateLimitAlgorithm[] = ['fixed-window', 'sliding-window', 'token-bucket'];
const POLICIES: readonly StoreFailurePolicy[] = ['memory', 'open', 'closed'];
const KEYS = ['ip', 'user', 'route'] as const;
/** A year: longer windows are almost certainly a unit mistake (seconds given as ms is the other way). */
const MAX_WINDOW_MS = 366 * 24 * 60 * 60 * 1000;
/** After a store failure, requests skip the store this long instead of each waiting for a timeout. */
const STORE_RETRY_MS = 1000;
/** Store-down events while the outage lasts: one at the start, then at most one per this interval. */
const STORE_EVENT_INTERVAL_MS = 60_000;
/** Keys remembered as "already reported this window", so a flood yields one event per key per window. */
const MAX_REPORTED_KEYS = 10_000;

function validate(options: RateLimitOptions) {
  for (const name of Object.keys(options)) {
    if (!(name in RATE_LIMIT_DEFAULTS)) {
      throw new RateLimitSetupError(`rateLimit: unknown option '${name}'. ${suggest(name, Object.keys(RATE_LIMIT_DEFAULTS))}`);
    }
  }
  const o = { ...RATE_LIMIT_DEFAULTS, ...stripUndefined(options) };
  if (!ALGORITHMS.includes(o.algorithm)) {
    throw new RateLimitSetupError(`rateLimit.algorithm: '${String(o.algorithm)}' is not supported. ${suggest(String(o.algorithm), ALGORITHMS)}`);
  }
  if (!Number.isInteger(o.limit) || o.limit < 1 || o.limit > 1e9) {
    throw new RateLimitSetupError(`rateLimit.limit: expected a whole number of requests from 1 to 1e9, got ${String(o.limit)}.`);
  }
  if (typeof o.windowMs !== 'number' || !Number.isFinite(o.windowMs) || o.windowMs < 1 || o.windowMs > MAX_WINDOW_MS) {
    throw new RateLimitSetupError(
      `rateLimit.windowMs: expected milliseconds from 1 to ${MAX_WINDOW_MS} (366 days), got ${String(o.windowMs)}. ` +
        `For 30 days write 30 * 24 * 60 * 60 * 1000.`,
    );
  }
  if (typeof o.key !== 'function' && !KEYS.includes(o.key as (typeof KEYS)[number])) {
    throw new RateLimitSetupError(`rateLimit.key: '${String(o.key)}' is not a key. ${suggest(String(o.key), KEYS)} Or pass a function (req, context) => string.`);
  }
  if (!Number.isInteger(o.ipv6Prefix) || o.ipv6Prefix < 16 || o.ipv6Prefix > 128) {
    throw new RateLimitSetupError(`rateLimit.ipv6Prefix: expected a prefix length from 16 to 128 (64 or 56 are usual), got ${String(o.ipv6Prefix)}.`);
  }
  if (!POLICIES.includes(o.onStoreError)) {
    throw new RateLimitSetupError(`rateLimit.onStoreError: '${String(o.onStoreError)}' is not a policy. ${suggest(String(o.onStoreError), POLICIES)}`);
  }
  if (!Number.isFinite(o.storeTimeoutMs) || o.storeTimeoutMs < 1 || o.storeTimeoutMs > 60_000) {
    throw new RateLimitSetupError(`rateLimit.storeTimeoutMs: expected 1 to 60000 ms, got ${String(o.storeTimeoutMs)}.`);
  }
  if (typeof o.name !== 'string' || !/^[A-Za-z0-9:_.-]{1,64}$/.test(o.name)) {
    throw new RateLimitSetupError(`rateLimit.name: expected 1-64 letters, digits or : _ . -, got ${JSON.stringify(o.name)}.`);
  }
  if (o.store !== undefined && (typeof o.store !== 'object' || typeof o.store.consume !== 'function')) {
    throw new RateLimitSetupError('rateLimit.store: expected a store with consume(), such as new MemoryStore() or new RedisStore({ client }).');
  }
  const trustProxy = validateTrustProxy(options.trustProxy, 'rateLimit.trustProxy');
  return { ...o, trustProxy };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Keys longer than this are stored as their SHA-256, so a user id or custom key cannot bloat the store. */
const MAX_KEY_LENGTH = 128;

function compactKey(key: string): string {
  return key.length <= MAX_KEY_LENGTH ? key : `sha256:${createHash('sha256').update(key).digest('base64url')}`;
}

const NO_CONTEXT: RateLimitContext = Object.freeze({});

class TimeoutError extends Error {
  override name = 'RateLimitStoreTimeout';
}

/**
 * Builds a rate limiter. Options are checked here and a RateLimitSetupError names the option and
 * the fix; at request time consume() never rejects: a failing store follows `onStoreError`.
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const o = validate(options);
  const store = o.store ?? new MemoryStore();
  const resolveIp = createClientIpResolver(o.trustProxy);
  const keyKind = typeof o.key === 'function' ? 'custom' : o.key;
  const metrics = o.events?.metrics;
  let fallback: MemoryStore | undefined;
  let storeDownSince = 0;
  let skipStoreUntil = 0;
  let lastStoreEvent = 0;
  let failuresSinceEvent = 0;
  const reported = new Map<string, number>();

  // Without trusted proxies the key depends on the socket alone: made once per connection (keep-alive
  // connections carry many requests), with its store key, instead of two string joins per request.
  const socketKeys = o.trustProxy === false || o.trustProxy === 0 ? new WeakMap<object, { key: string; storeKey: string }>() : undefined;

  function ipKey(req: IncomingMessage): string {
    return `ip:${rateKeyOfNormalized(resolveIp(req), o.ipv6Prefix)}`;
  }

  function storeKeyOf(key: string): string {
    return `${o.name}:${compactKey(key)}`;
  }

  /** The IP key and its store key for a request, from the per-socket cache when it applies. */
  function socketKey(req: IncomingMessage): { key: string; storeKey: string } | undefined {
    const socket = req.socket;
    if (!socketKeys || !socket) return undefined;
    let keys = socketKeys.get(socket);
    if (keys === undefined) {
      const key = ipKey(req);
      keys = { key, storeKey: storeKeyOf(key) };
      // An address not known yet is not cached: a later request on the socket may have it.
      if (key !== 'ip:unknown') socketKeys.set(socket, keys);
    }
    return keys;
  }

  function keyFor(req: IncomingMessage, context: RateLimitContext = {}): string | undefined {
    if (typeof o.key === 'function') {
      let k: string | undefined;
      try {
        k = o.key(req, context);
      } catch {
        // A throwing key function must not switch limiting off (that would be a bypass): count by IP.
        return ipKey(req);
      }
      return typeof k === 'string' && k.length > 0 ? `custom:${k}` : undefined;
    }
    if (o.key === 'user') return context.userId ? `user:${context.userId}` : ipKey(req);
    if (o.key === 'route') return `route:${context.route ?? (req.url ?? '/').split('?')[0]}`;
    return ipKey(req);
  }

  function toDecision(d: StoreDecision, key: string, degraded?: RateLimitDecision['degraded']): RateLimitDecision {
    const decision: RateLimitDecision = {
      allowed: d.allowed,
      limit: o.limit,
      remaining: d.remaining,
      resetAt: d.resetAt,
      retryAfterSeconds: d.allowed ? 0 : Math.max(1, Math.ceil(d.retryAfterMs / 1000)),
      key,
    };
    if (degraded) decision.degraded = degraded;
    return decision;
  }

  function storeEvent(error: unknown, recovered: boolean): void {
    if (!o.events) return;
    const action = o.onStoreError === 'open' ? 'allowed' : o.onStoreError === 'closed' ? 'blocked' : 'logged';
    const reason = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : String(error).slice(0, 200);
    o.events.emit(
      recovered
        ? {
            kind: 'error',
            practice: 3,
            rule: 'rate-limit-store-recovered',
            action: 'logged',
            severity: 'info',
            message: `Rate-limit store '${o.name}' answers again after ${Date.now() - storeDownSince} ms.`,
            details: { limiter: o.name },
          }
        : {
            kind: 'error',
            practice: 3,
            rule: 'rate-limit-store-down',
            action,
            severity: 'high',
            message: `Rate-limit store '${o.name}' failed; applying onStoreError '${o.onStoreError}'.`,
            details: { limiter: o.name, policy: o.onStoreError, reason, failures: failuresSinceEvent },
          },
    );
    failuresSinceEvent = 0;
  }

  function onStoreFailure(error: unknown, storeKey: string, key: string, cost: number): RateLimitDecision {
    const now = Date.now();
    skipStoreUntil = now + STORE_RETRY_MS;
    failuresSinceEvent++;
    if (storeDownSince === 0) storeDownSince = now;
    if (now - lastStoreEvent >= STORE_EVENT_INTERVAL_MS) {
      lastStoreEvent = now;
      storeEvent(error, false);
    }
    return degradedDecision(storeKey, key, cost);
  }

  function degradedDecision(storeKey: string, key: string, cost: number): RateLimitDecision {
    let decision: RateLimitDecision;
    if (o.onStoreError === 'memory') {
      fallback ??= new MemoryStore();
      decision = toDecision(fallback.consume({ key: storeKey, algorithm: o.algorithm, limit: o.limit, windowMs: o.windowMs, cost }), key, 'fail-memory');
    } else if (o.onStoreError === 'open') {
      decision = { allowed: true, limit: o.limit, remaining: o.limit, resetAt: Date.now() + o.windowMs, retryAfterSeconds: 0, degraded: 'fail-open', key };
    } else {
      decision = {
        allowed: false,
        limit: o.limit,
        remaining: 0,
        resetAt: Date.now() + STORE_RETRY_MS,
        retryAfterSeconds: Math.ceil(STORE_RETRY_MS / 1000),
        degraded: 'fail-closed',
        key,
      };
    }
    metrics?.rateLimitDecisions.inc({ limiter: o.name, decision: decision.degraded! });
    return decision;
  }

  function withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`no answer within ${o.storeTimeoutMs} ms`)), o.storeTimeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  // Label children resolved once: per request only an increment.
  const allowedCount = metrics?.rateLimitDecisions.labels({ limiter: o.name, decision: 'allowed' });
  const limitedCount = metrics?.rateLimitDecisions.labels({ limiter: o.name, decision: 'limited' });

  function settle(answer: StoreDecision, key: string): RateLimitDecision {
    if (storeDownSince !== 0) {
      storeEvent(undefined, true);
      storeDownSince = 0;
      skipStoreUntil = 0;
      lastStoreEvent = 0;
    }
    (answer.allowed ? allowedCount : limitedCount)?.inc();
    return toDecision(answer, key);
  }

  /** The decision, synchronously when the store answers synchronously (the memory store): one promise less per request. */
  function decide(key: string, cost: number, storeKey = storeKeyOf(key)): RateLimitDecision | Promise<RateLimitDecision> {
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost <= 0) cost = 1;
    if (skipStoreUntil !== 0 && Date.now() < skipStoreUntil) return degradedDecision(storeKey, key, cost);
    let pending: StoreDecision | Promise<StoreDecision>;
    try {
      pending = store.consume({ key: storeKey, algorithm: o.algorithm, limit: o.limit, windowMs: o.windowMs, cost });
    } catch (error) {
      return onStoreFailure(error, storeKey, key, cost);
    }
    if (typeof (pending as Promise<StoreDecision>)?.then === 'function') {
      return withTimeout(pending as Promise<StoreDecision>).then(
        (answer) => settle(answer, key),
        (error: unknown) => onStoreFailure(error, storeKey, key, cost),
      );
    }
    return settle(pending as StoreDecision, key);
  }

  function consume(key: string, cost = 1): Promise<RateLimitDecision> {
    try {
      return Promise.resolve(decide(key, cost));
    } catch (error) {
      // Only a bug of ours gets here (the store's errors are handled in decide); still no raw error.
      return Promise.resolve(onStoreFailure(error, storeKeyOf(key), key, 1));
    }
  }

  function firstRefusalInWindow(key: string, resetAt: number): boolean {
    const now = Date.now();
    const until = reported.get(key);
    if (until !== undefined && until > now) return false;
    if (reported.size >= MAX_REPORTED_KEYS) {
      // Drop the oldest entry (Map keeps insertion order), O(1).
      const oldest = reported.keys().next().value;
      if (oldest !== undefined) reported.delete(oldest);
    }
    reported.delete(key);
    reported.set(key, resetAt);
    return true;
  }

  function reportRefusal(req: IncomingMessage, context: RateLimitContext, key: string, decision: RateLimitDecision): RateLimitDecision {
    if (!decision.allowed && decision.degraded === undefined && o.events && firstRefusalInWindow(key, decision.resetAt)) {
      o.events.emit({
        kind: 'rate-limit',
        practice: 3,
        rule: `rate-limit-${keyKind}`,
        action: 'limited',
        severity: 'low',
        message: `Rate limit '${o.name}' reached: ${o.limit} per ${o.windowMs} ms (${o.algorithm}); further refusals this window are counted, not logged.`,
        requestId: context.requestId,
        ip: resolveIp(req),
        method: req.method,
        route: context.route ?? (req.url ?? '/').split('?')[0].slice(0, 200),
        userId: context.userId,
        details: { limiter: o.name, key: key.slice(0, 120), limit: o.limit, windowMs: o.windowMs, algorithm: o.algorithm, retryAfterSeconds: decision.retryAfterSeconds },
      });
    }
    return decision;
  }

  /**
   * check() without the promise when the store answers synchronously (the memory store): the
   * guard's per-request path then costs no extra microtask and no promise allocation.
   */
  function checkNow(req: IncomingMessage, context: RateLimitContext = NO_CONTEXT): RateLimitDecision | Promise<RateLimitDecision> | undefined {
    try {
      const cached = o.key === 'ip' ? socketKey(req) : undefined;
      const key = cached ? cached.key : keyFor(req, context);
      if (key === undefined) return undefined;
      const decision = decide(key, 1, cached?.storeKey);
      if (decision instanceof Promise) return decision.then((d) => reportRefusal(req, context, key, d));
      return reportRefusal(req, context, key, decision);
    } catch (error) {
      // Only a bug of ours gets here; the request is still decided, never crashed.
      return onStoreFailure(error, `${o.name}:unknown`, 'unknown', 1);
    }
  }

  function check(req: IncomingMessage, context: RateLimitContext = NO_CONTEXT): Promise<RateLimitDecision | undefined> {
    return Promise.resolve(checkNow(req, context));
  }

  return {
    consume,
    keyFor,
    check,
    checkNow,
    async reset(key: string) {
      const storeKey = storeKeyOf(key);
      try {
        await store.reset(storeKey);
      } catch {
        // Store down: the key expires there on its own; the fallback is reset below.
      }
      fallback?.reset(storeKey);
    },
    async close() {
      await store.close();
      await fallback?.close();
    },
    options: Object.freeze({ algorithm: o.algorithm, limit: o.limit, windowMs: o.windowMs, onStoreError: o.onStoreError, name: o.name }),
  };
}

/**
 * The standard response headers for a decision (IETF draft RateLimit fields, version 6, as
 * express-rate-limit's 'draft-6'), plus Retry-After when refused.
 */
export function rateLimitHeaders(decision: RateLimitDecision, now = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(Math.max(0, Math.ceil((decision.resetAt - now) / 1000))),
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.retryAfterSeconds);
  return headers;
}
