import type { RateLimitAlgorithm, StoreDecision } from './types.js';

/**
 * The per-key state every algorithm needs, three numbers so the memory store can keep it in typed
 * arrays and the Redis script in one small hash. Meaning per algorithm:
 * fixed-window:   a = count in window, b = unused,                t = window start (ms)
 * sliding-window: a = count in current window, b = previous count, t = current window start (aligned)
 * token-bucket:   a = tokens left, b = unused,                    t = last refill (ms)
 * The Lua script in redis-store.ts mirrors these functions line by line; change both together.
 */
export interface KeyState {
  a: number;
  b: number;
  t: number;
}

export interface Applied extends StoreDecision {
  /** Epoch ms after which the state is equivalent to a fresh key and may be dropped. */
  readonly expiresAt: number;
}

/** Sets `state` to that of a key never seen (or expired), in place: no allocation per new key. */
export function resetState(state: KeyState, algorithm: RateLimitAlgorithm, limit: number, now: number, windowMs: number): void {
  state.b = 0;
  if (algorithm === 'token-bucket') {
    state.a = limit;
    state.t = now;
  } else if (algorithm === 'sliding-window') {
    state.a = 0;
    state.t = Math.floor(now / windowMs) * windowMs;
  } else {
    state.a = 0;
    state.t = now;
  }
}

/**
 * Applies one consume of `cost` to `state` (mutated) at time `now`. Refused requests do not count,
 * so a client hammering a closed limit does not push its own reset further away.
 */
export function applyAlgorithm(algorithm: RateLimitAlgorithm, state: KeyState, limit: number, windowMs: number, cost: number, now: number): Applied {
  if (algorithm === 'token-bucket') return tokenBucket(state, limit, windowMs, cost, now);
  if (algorithm === 'sliding-window') return slidingWindow(state, limit, windowMs, cost, now);
  return fixedWindow(state, limit, windowMs, cost, now);
}

function fixedWindow(s: KeyState, limit: number, windowMs: number, cost: number, now: number): Applied {
  if (now >= s.t + windowMs || now < s.t) {
    s.t = now;
    s.a = 0;
  }
  const resetAt = s.t + windowMs;
  const allowed = s.a + cost <= limit;
  if (allowed) s.a += cost;
  return { allowed, remaining: Math.max(0, limit - s.a), resetAt, retryAfterMs: allowed ? 0 : resetAt - now, expiresAt: resetAt };
}

function slidingWindow(s: KeyState, limit: number, windowMs: number, cost: number, now: number): Applied {
  const start = Math.floor(now / windowMs) * windowMs;
  if (start !== s.t) {
    // The window moved on: the current count becomes the previous one if it is adjacent.
    s.b = start - s.t === windowMs ? s.a : 0;
    s.a = 0;
    s.t = start;
  }
  const elapsed = (now - start) / windowMs;
  const estimate = s.b * (1 - elapsed) + s.a;
  const allowed = estimate + cost <= limit;
  if (allowed) s.a += cost;
  const after = s.b * (1 - elapsed) + s.a;
  let retryAfterMs = 0;
  if (!allowed) {
    if (cost > limit) retryAfterMs = 2 * windowMs;
    else if (s.a + cost <= limit && s.b > 0) {
      // Wait in this window until the previous window's weight has decayed enough.
      const needed = 1 - (limit - s.a - cost) / s.b;
      retryAfterMs = Math.max(1, Math.ceil(needed * windowMs - (now - start)));
    } else {
      // Only the next window can make room: there this window's count is the decaying one.
      const needed = s.a > 0 ? Math.max(0, 1 - (limit - cost) / s.a) : 0;
      retryAfterMs = Math.max(1, Math.ceil(start + windowMs + needed * windowMs - now));
    }
  }
  // Fully reset when both windows that can still weigh in are over.
  const resetAt = s.a > 0 ? start + 2 * windowMs : start + windowMs;
  return { allowed, remaining: Math.max(0, Math.floor(limit - after)), resetAt, retryAfterMs, expiresAt: resetAt };
}

function tokenBucket(s: KeyState, limit: number, windowMs: number, cost: number, now: number): Applied {
  const perMs = limit / windowMs;
  if (now > s.t) {
    s.a = Math.min(limit, s.a + (now - s.t) * perMs);
    s.t = now;
  }
  const allowed = cost <= s.a;
  if (allowed) s.a -= cost;
  const fullAt = now + Math.ceil((limit - s.a) / perMs);
  const retryAfterMs = allowed ? 0 : cost > limit ? windowMs : Math.max(1, Math.ceil((cost - s.a) / perMs));
  return { allowed, remaining: Math.max(0, Math.floor(s.a)), resetAt: fullAt, retryAfterMs, expiresAt: fullAt };
}
