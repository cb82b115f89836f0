import { AuthSetupError } from '../setup-error.js';
import { isRedisScriptClient, redisScript, runScript, type RedisScriptClient } from '../stores/redis-client.js';
import type { SessionRecord, SessionStore } from './store.js';

export interface RedisSessionStoreOptions {
  /** An ioredis client. */
  client: RedisScriptClient;
  /** Key prefix (default `rampart:auth:session:`). */
  prefix?: string;
}

// KEYS[1] = session key, KEYS[2] = the user's index set. The index lives as long as its longest session.
const SET = redisScript(`
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1
`);
const GET = redisScript(`return redis.call('GET', KEYS[1])`);
// ARGV[1] = prefix of session keys, ARGV[2] = the id hash. The user comes from the stored record.
const DELETE = redisScript(`
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
redis.call('DEL', KEYS[1])
local user = cjson.decode(v).userId
redis.call('SREM', ARGV[1] .. 'u:' .. user, ARGV[2])
return 1
`);
const DELETE_USER = redisScript(`
local ids = redis.call('SMEMBERS', KEYS[1])
local n = 0
for _, id in ipairs(ids) do n = n + redis.call('DEL', ARGV[1] .. 's:' .. id) end
redis.call('DEL', KEYS[1])
return n
`);
const LIST_USER = redisScript(`
local ids = redis.call('SMEMBERS', KEYS[1])
local out = {}
for _, id in ipairs(ids) do
  local v = redis.call('GET', ARGV[1] .. 's:' .. id)
  if v then out[#out + 1] = id; out[#out + 1] = v else redis.call('SREM', KEYS[1], id) end
end
return out
`);

/**
 * Sessions in Redis, shared by every process; Redis expires them by itself. The scripts touch
 * keys derived from the prefix, so on a Redis Cluster give the prefix a hash tag (`{sess}:`).
 */
export function redisSessionStore(options: RedisSessionStoreOptions): SessionStore {
  if (!isRedisScriptClient(options?.client)) throw new AuthSetupError('sessions.store.client', 'is not an ioredis client', 'Pass `client: new Redis(url)` from the ioredis package.');
  const { client } = options;
  const prefix = options.prefix ?? 'rampart:auth:session:';
  const sessionKey = (idHash: string) => `${prefix}s:${idHash}`;
  const userKey = (userId: string) => `${prefix}u:${userId}`;
  return {
    async get(idHash) {
      const v = await runScript(client, GET, [sessionKey(idHash)]);
      return typeof v === 'string' ? (JSON.parse(v) as SessionRecord) : undefined;
    },
    async set(idHash, record, expiresAt) {
      const ttl = Math.max(1, Math.round(expiresAt - Date.now()));
      await runScript(client, SET, [sessionKey(idHash), userKey(record.userId)], [JSON.stringify(record), ttl, idHash]);
    },
    async delete(idHash) {
      await runScript(client, DELETE, [sessionKey(idHash)], [prefix, idHash]);
    },
    async deleteUser(userId) {
      return Number(await runScript(client, DELETE_USER, [userKey(userId)], [prefix]));
    },
    async listUser(userId) {
      const flat = (await runScript(client, LIST_USER, [userKey(userId)], [prefix])) as string[];
      const out = [];
      for (let i = 0; i < flat.length; i += 2) out.push({ idHash: flat[i], record: JSON.parse(flat[i + 1]) as SessionRecord });
      return out;
    },
  };
}
