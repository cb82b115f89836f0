/**
 * Rate limiting for @rampart/guard (practice 3): fixed window, sliding window (counter
 * approximation) and token bucket; keys by client IP (IPv6 by /64, X-Forwarded-For only through
 * an explicit trustProxy), user, route or a function; a bounded in-memory store and a Redis store
 * shared across instances; a documented policy when the store fails. docs/rate-limiting.md.
 */
export type {
  RateLimitAlgorithm,
  RateLimitKey,
  RateLimitContext,
  TrustProxy,
  StoreDecision,
  StoreConsume,
  RateLimitStore,
  StoreFailurePolicy,
  RateLimitOptions,
  RateLimitDecision,
  RateLimiter,
} from './types.js';
export { createRateLimiter, rateLimitHeaders, RATE_LIMIT_DEFAULTS } from './limiter.js';
export { clientIp, createClientIpResolver, ipRateKey, normalizeIp, validateTrustProxy, RateLimitSetupError, type ClientIpResolver } from './client-ip.js';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { RedisStore, type RedisStoreOptions } from './redis-store.js';
