export { createLoginThrottle, normalizeUsername, type LoginThrottle, type LoginThrottleOptions, type ThrottleDecision, type ThrottleRefusal, type ThrottleTicket } from './login-throttle.js';
export { memoryThrottleStore, type MemoryThrottleStoreOptions } from './memory-store.js';
export { redisThrottleStore, type RedisThrottleStoreOptions } from './redis-store.js';
export { clientKey } from './client-ip.js';
export { lockDelayMs, type ThrottleStore, type CounterRule, type AttemptOutcome } from './store.js';
