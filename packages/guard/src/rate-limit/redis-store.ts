import { Redis, type Cluster, type RedisOptions } from 'ioredis';
import { RateLimitSetupError } from './client-ip.js';
import type { RateLimitStore, StoreConsume, StoreDecision } from './types.js';

/**
 * The three algorithms of algorithms.ts in one Lua script, so read-modify-write is atomic per key
 * across every instance. Time comes from the Redis server (TIME), so instances with skewed clocks
 * still share one window (ARGV[5], when given, replaces it: tests and synchronised clocks). State is a hash {a, b, t} that expires (PEXPIRE) when it is equivalent
 * to a fresh key: no cleanup job, and windows of days are plain TTLs.
 * Returns {allowed 0|1, remaining, resetAt ms, retryAfter ms}.
 */
export const RATE_LIMIT_LUA = `
if redis.replicate_commands then redis.replicate_commands() end
local key = KEYS[1]
local algorithm = ARGV[1]
local limit = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local now = tonumber(ARGV[5])
if now == nil then
  local clock = redis.call('TIME')
  now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
end
local saved = redis.call('HMGET', key, 'a', 'b', 't')
local a, b, t = tonumber(saved[1]), tonumber(saved[2]), tonumber(saved[3])
if a == nil or b == nil or t == nil then
  b = 0
  if algorithm == 'token-bucket' then a = limit; t = now
  elseif algorithm == 'sliding-window' then a = 0; t = math.floor(now / windowMs) * windowMs
  else a = 0; t = now end
end
local allowed = false
local remaining, resetAt, retryAfter = 0, 0, 0
if algorithm == 'token-bucket' then
  local perMs = limit / windowMs
  if now > t then
    a = math.min(limit, a + (now - t) * perMs)
    t = now
  end
  allowed = cost <= a
  if allowed then a = a - cost end
  resetAt = now + math.ceil((limit - a) / perMs)
  if not allowed then
    if cost > limit then retryAfter = windowMs else retryAfter = math.max(1, math.ceil((cost - a) / perMs)) end
  end
  remaining = math.max(0, math.floor(a))
elseif algorithm == 'sliding-window' then
  local start = math.floor(now / windowMs) * windowMs
  if start ~= t then
    if start - t == windowMs then b = a else b = 0 end
    a = 0
    t = start
  end
  local elapsed = (now - start) / windowMs
  allowed = b * (1 - elapsed) + a + cost <= limit
  if allowed then a = a + cost end
  remaining = math.max(0, math.floor(limit - (b * (1 - elapsed) + a)))
  if not allowed then
    if cost > limit then retryAfter = 2 * windowMs
    elseif a + cost <= limit and b > 0 then
      retryAfter = math.max(1, math.ceil((1 - (limit - a - cost) / b) * windowMs - (now - start)))
    else
      local needed = 0
      if a > 0 then needed = math.max(0, 1 - (limit - cost) / a) end
      retryAfter = math.max(1, math.ceil(start + windowMs + needed * windowMs - now))
    end
  end
  if a > 0 then resetAt = start + 2 * windowMs else resetAt = start + windowMs end
else
  if now >= t + windowMs or now < t then
    t = now
    a = 0
  end
  resetAt = t + windowMs
  allowed = a + cost <= limit
  if allowed then a = a + cost end
  remaining = math.max(0, limit - a)
  if not allowed then retryAfter = resetAt - now end
end
redis.call('HSET', key, 'a', string.format('%.17g', a), 'b', string.format('%.17g', b), 't', string.format('%.17g', t))
redis.call('PEXPIRE', key, math.max(1, resetAt - now))
local allowedFlag = 0
if allowed then allowedFlag = 1 end
return {allowedFlag, remaining, resetAt, retryAfter}
`;

export interface RedisStoreOptions {
  /** An ioredis client or Cluster you own (you close it). Give `client` or `url`. */
  readonly client?: Redis | Cluster;
  /** A redis:// URL; the store creates a client tuned to fail fast and closes it on close(). */
  readonly url?: string;
  /** Prefix of every key, so apps sharing a Redis do not collide. Default 'rampart:rl:'. */
  readonly prefix?: string;
  /**
   * Clock in epoch ms. Default: the Redis server's TIME, one clock for every instance. Pass a
   * function only for tests or when every instance's clock is synchronised.
   */
  readonly now?: () => number;
}

interface ScriptedRedis {
  rampartRateLimitV1(key: string, algorithm: string, limit: number, windowMs: number, cost: number, now?: number): Promise<[number, number, number, number]>;
}

/**
 * Rate-limit counters in Redis, shared by every instance of the app. Each consume is one EVALSHA
 * (ioredis defineCommand falls back to EVAL when the script cache was flushed).
 */
export class RedisStore implements RateLimitStore {
  readonly prefix: string;
  readonly client: Redis | Cluster;
  readonly #ownsClient: boolean;
  readonly #now?: () => number;

  constructor(options: RedisStoreOptions) {
    if (!options || (options.client === undefined) === (options.url === undefined)) {
      throw new RateLimitSetupError("RedisStore: pass exactly one of `client` (an ioredis instance) or `url` ('redis://127.0.0.1:6379').");
    }
    const prefix = options.prefix ?? 'rampart:rl:';
    if (typeof prefix !== 'string' || prefix.length > 128) {
      throw new RateLimitSetupError('RedisStore prefix: expected a string of at most 128 characters.');
    }
    this.prefix = prefix;
    if (options.now !== undefined && typeof options.now !== 'function') {
      throw new RateLimitSetupError('RedisStore now: expected a function returning epoch milliseconds, or leave it out to use the Redis clock.');
    }
    this.#now = options.now;
    if (options.client) {
      this.client = options.client;
      this.#ownsClient = false;
    } else {
      const tuned: RedisOptions = {
        // Commands sent while connecting wait for the connection, but fail at the first failed
        // reconnect instead of queueing behind a dead socket; the limiter's timeout and retry
        // interval bound the wait and apply onStoreError.
        enableOfflineQueue: true,
        maxRetriesPerRequest: 0,
        commandTimeout: 1000,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
      };
      this.client = new Redis(options.url!, tuned);
      // Connection errors surface through consume() and the limiter's events; without a
      // listener ioredis would print each reconnect failure to stderr.
      this.client.on('error', () => {});
      this.#ownsClient = true;
    }
    this.client.defineCommand('rampartRateLimitV1', { numberOfKeys: 1, lua: RATE_LIMIT_LUA });
  }

  async consume(request: StoreConsume): Promise<StoreDecision> {
    const scripted = this.client as unknown as ScriptedRedis;
    const key = this.prefix + request.key;
    const { algorithm, limit, windowMs, cost } = request;
    const [allowed, remaining, resetAt, retryAfterMs] = this.#now
      ? await scripted.rampartRateLimitV1(key, algorithm, limit, windowMs, cost, this.#now())
      : await scripted.rampartRateLimitV1(key, algorithm, limit, windowMs, cost);
    return { allowed: allowed === 1, remaining, resetAt, retryAfterMs };
  }

  async reset(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async close(): Promise<void> {
    if (this.#ownsClient) this.client.disconnect();
  }
}
