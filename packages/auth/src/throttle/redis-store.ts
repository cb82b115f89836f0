import { AuthSetupError } from '../setup-error.js';
import { isRedisScriptClient, redisScript, runScript, type RedisScriptClient } from '../stores/redis-client.js';
import type { AttemptOutcome, CounterRule, ThrottleStore } from './store.js';

export interface RedisThrottleStoreOptions {
  /** An ioredis client (`new Redis(process.env.REDIS_URL)`). */
  client: RedisScriptClient;
  /** Key prefix, so several apps (or test runs) share one Redis. */
  prefix?: string;
}

// One hash per key: f = consecutive failures, l = locked until (epoch ms). The same logic as the
// memory store, in one script so check-then-count cannot interleave with another request.
const ATTEMPT = redisScript(`
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local n = #KEYS
for i = 1, n do
  local b = 2 + (i - 1) * 5
  if ARGV[b + 1] == '1' then
    local f = tonumber(redis.call('HGET', KEYS[i], 'f') or '0')
    local l = tonumber(redis.call('HGET', KEYS[i], 'l') or '0')
    local ceiling = tonumber(ARGV[b + 2])
    if l > now then return {0, i, 0, l - now} end
    if ceiling > 0 and f >= ceiling then return {0, i, 1, redis.call('PTTL', KEYS[i])} end
  end
end
local out = {1, 0, 0, 0}
for i = 1, n do
  local b = 2 + (i - 1) * 5
  local free = tonumber(ARGV[b + 3])
  local f = redis.call('HINCRBY', KEYS[i], 'f', 1)
  local delay = 0
  if f > free then delay = math.min(tonumber(ARGV[b + 4]) * 2 ^ math.min(f - free - 1, 40), tonumber(ARGV[b + 5])) end
  local l = 0
  if delay > 0 then l = now + delay end
  redis.call('HSET', KEYS[i], 'l', string.format('%.0f', l))
  redis.call('PEXPIRE', KEYS[i], string.format('%.0f', math.max(ttl, delay)))
  out[#out + 1] = f
end
return out
`);
const FAILURES = redisScript(`return tonumber(redis.call('HGET', KEYS[1], 'f') or '0')`);
const RESET = redisScript(`return redis.call('DEL', unpack(KEYS))`);
const FORGIVE = redisScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local f = redis.call('HINCRBY', KEYS[1], 'f', -1)
if f <= 0 then redis.call('DEL', KEYS[1]) end
return f
`);
const SET_FLAG = redisScript(`return redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])`);
const HAS_FLAG = redisScript(`return redis.call('EXISTS', KEYS[1])`);

/** Shared by every process of the app: counters survive restarts and hold across hosts. */
export function redisThrottleStore(options: RedisThrottleStoreOptions): ThrottleStore {
  if (!isRedisScriptClient(options?.client)) throw new AuthSetupError('throttle.store.client', 'is not an ioredis client', 'Pass `client: new Redis(url)` from the ioredis package.');
  const { client } = options;
  const prefix = options.prefix ?? 'rampart:auth:throttle:';
  const k = (key: string) => prefix + key;
  return {
    async attempt(rules: readonly CounterRule[], now: number, ttlMs: number): Promise<AttemptOutcome> {
      const args: (string | number)[] = [now, ttlMs];
      for (const r of rules) args.push(r.enforce ? '1' : '0', r.ceiling, r.freeAttempts, r.baseDelayMs, r.maxDelayMs);
      const out = (await runScript(client, ATTEMPT, rules.map((r) => k(r.key)), args)) as number[];
      if (out[0] === 1) return { allowed: true, retryAfterMs: 0, failures: out.slice(4) };
      return { allowed: false, blockedKey: rules[out[1] - 1].key, ceilingReached: out[2] === 1, retryAfterMs: Math.max(0, out[3]), failures: [] };
    },
    async failures(key) {
      return Number(await runScript(client, FAILURES, [k(key)]));
    },
    async reset(keys) {
      if (keys.length > 0) await runScript(client, RESET, keys.map(k));
    },
    async forgive(key) {
      await runScript(client, FORGIVE, [k(key)]);
    },
    async setFlag(key, ttlMs) {
      await runScript(client, SET_FLAG, [k(key)], [Math.max(1, Math.round(ttlMs))]);
    },
    async hasFlag(key) {
      return Number(await runScript(client, HAS_FLAG, [k(key)])) === 1;
    },
  };
}
