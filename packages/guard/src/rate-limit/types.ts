import type { IncomingMessage } from 'node:http';
import type { EventBus } from '../events/types.js';

/**
 * fixed-window: a counter per window of `windowMs`; cheapest, but allows up to 2x `limit` across
 * a window boundary.
 * sliding-window: counter-based approximation (the previous window's count weighted by how much
 * of it still overlaps the sliding window, plus the current count). O(1) memory per key, unlike a
 * log of timestamps; approximate (it assumes the previous window's requests were evenly spread),
 * see docs/rate-limiting.md for measured worst cases.
 * token-bucket: `limit` tokens of burst, refilled continuously at `limit` per `windowMs`.
 */
export type RateLimitAlgorithm = 'fixed-window' | 'sliding-window' | 'token-bucket';

/** Who is limited. 'ip': the client IP (IPv6 grouped by /64); 'user': the authenticated user id,
 * falling back to the IP for anonymous requests; 'route': the route pattern (a global per-route
 * budget); a function: your own key (return undefined to skip limiting this request). */
export type RateLimitKey = 'ip' | 'user' | 'route' | ((req: IncomingMessage, context: RateLimitContext) => string | undefined);

/** What the framework adapter knows about the request beyond node:http. */
export interface RateLimitContext {
  /** Authenticated user id, if any. */
  readonly userId?: string;
  /** Route pattern (`/orders/:id`) or path without query string. */
  readonly route?: string;
  /** Request id for events. */
  readonly requestId?: string;
}

/**
 * How far X-Forwarded-For is believed. false: never, the socket address is the client.
 * A number n: exactly n reverse proxies sit in front of the app (1 for one load balancer).
 * A list: the proxies' addresses or CIDR ranges ('10.0.0.0/8', '2001:db8::/32'), plus the
 * presets 'loopback', 'linklocal', 'uniquelocal'. `true` (trust every hop) is refused: it lets a
 * client pick its own IP with a spoofed X-Forwarded-For and bypass every IP limit.
 */
export type TrustProxy = false | number | readonly string[];

/** What the store answers for one consume. */
export interface StoreDecision {
  readonly allowed: boolean;
  /** Requests (or tokens) left in this window after this consume, never negative. */
  readonly remaining: number;
  /** Epoch ms when the key is fully reset (window end, or bucket full again). */
  readonly resetAt: number;
  /** Ms until a request of this cost would be allowed (0 when allowed). */
  readonly retryAfterMs: number;
}

/** One consume as a store sees it: everything needed to apply the algorithm atomically. */
export interface StoreConsume {
  readonly key: string;
  readonly algorithm: RateLimitAlgorithm;
  readonly limit: number;
  readonly windowMs: number;
  readonly cost: number;
}

/** A place to keep counters. Implementations apply the algorithm atomically per key. */
export interface RateLimitStore {
  consume(request: StoreConsume): Promise<StoreDecision> | StoreDecision;
  /** Forget a key (after a successful login, for instance). */
  reset(key: string): Promise<void> | void;
  close(): Promise<void>;
}

/**
 * What to do when the store fails (Redis down, timeout):
 * 'memory' (default): fall back to a per-instance in-memory store with the same limits, so each
 *   instance still limits and nobody is refused for the outage;
 * 'open': allow every request while the store is down;
 * 'closed': refuse every request while the store is down (answer 503, not 429).
 * Every policy emits a `rate-limit-store-down` event on failure and `rate-limit-store-recovered`.
 */
export type StoreFailurePolicy = 'memory' | 'open' | 'closed';

export interface RateLimitOptions {
  /** Default 'sliding-window'. */
  readonly algorithm?: RateLimitAlgorithm;
  /** Requests allowed per window (token bucket: burst size). Default 100. */
  readonly limit?: number;
  /** Window length in ms; days are fine (no timers are used). Default 60_000. */
  readonly windowMs?: number;
  /** Default 'ip'. */
  readonly key?: RateLimitKey;
  /** Default false: the socket address is the client. See TrustProxy. */
  readonly trustProxy?: TrustProxy;
  /** IPv6 clients are grouped by this prefix length (one subscriber gets a /64 or a /56). Default 64. */
  readonly ipv6Prefix?: number;
  /** Default: a new MemoryStore. */
  readonly store?: RateLimitStore;
  /** Default 'memory'. */
  readonly onStoreError?: StoreFailurePolicy;
  /** Ms to wait for the store before applying onStoreError. Default 250. */
  readonly storeTimeoutMs?: number;
  /** Prefix inside the store, so several limiters share one store. Default 'rl'. */
  readonly name?: string;
  /** Where `rate-limit` and store failure events go. */
  readonly events?: EventBus;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms. */
  resetAt: number;
  /** For Retry-After when !allowed (whole seconds, at least 1). 0 when allowed. */
  retryAfterSeconds: number;
  /** The store failed and this policy decided. */
  degraded?: 'fail-open' | 'fail-closed' | 'fail-memory';
  /** The key consumed (after IP grouping), for events and logs. */
  key?: string;
}

export interface RateLimiter {
  /** Consume `cost` (default 1) from `key`'s budget. Never rejects: store failures follow onStoreError. */
  consume(key: string, cost?: number): Promise<RateLimitDecision>;
  /** The key this request counts against, or undefined when the key function skips it. */
  keyFor(req: IncomingMessage, context?: RateLimitContext): string | undefined;
  /** keyFor + consume + a `rate-limit` event when refused. Resolves undefined when skipped. */
  check(req: IncomingMessage, context?: RateLimitContext): Promise<RateLimitDecision | undefined>;
  /** check(), but synchronous when the store is (the memory store); undefined when skipped. */
  checkNow(req: IncomingMessage, context?: RateLimitContext): RateLimitDecision | Promise<RateLimitDecision> | undefined;
  /** Forget a key's usage. */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
  readonly options: Readonly<Required<Pick<RateLimitOptions, 'algorithm' | 'limit' | 'windowMs' | 'onStoreError' | 'name'>>>;
}
