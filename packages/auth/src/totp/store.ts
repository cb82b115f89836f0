import { AuthSetupError } from '../setup-error.js';
import { isRedisScriptClient, redisScript, runScript, type RedisScriptClient } from '../stores/redis-client.js';

/** What the server keeps per user for TOTP. The secret is sealed (AES-256-GCM), the codes hashed. */
export interface TwoFactorRecord {
  /** The sealed TOTP secret. */
  secret: string;
  /** false until the user proved the authenticator works (confirmEnrolment). */
  enabled: boolean;
  /** The last time step a code was accepted for: codes of this step or older never work again. */
  lastUsedStep: number;
  /** SHA-256 (base64url) of each unused recovery code. */
  recoveryCodes: string[];
}

export interface TwoFactorStore {
  get(userId: string): Promise<TwoFactorRecord | undefined>;
  set(userId: string, record: TwoFactorRecord): Promise<void>;
  delete(userId: string): Promise<void>;
  /** Atomically: if step > lastUsedStep, store it and return true (the replay protection). */
  advanceStep(userId: string, step: number): Promise<boolean>;
  /** Atomically: remove the recovery code hash if present; true if it was (single use). */
  takeRecoveryCode(userId: string, codeHash: string): Promise<boolean>;
}

export function memoryTwoFactorStore(): TwoFactorStore {
  const records = new Map<string, TwoFactorRecord>();
  return {
    async get(userId) {
      const r = records.get(userId);
      return r && structuredClone(r);
    },
    async set(userId, record) {
      records.set(userId, structuredClone(record));
    },
    async delete(userId) {
      records.delete(userId);
    },
    async advanceStep(userId, step) {
      const r = records.get(userId);
      if (!r || step <= r.lastUsedStep) return false;
      r.lastUsedStep = step;
      return true;
    },
    async takeRecoveryCode(userId, codeHash) {
      const r = records.get(userId);
      const i = r ? r.recoveryCodes.indexOf(codeHash) : -1;
      if (!r || i === -1) return false;
      r.recoveryCodes.splice(i, 1);
      return true;
    },
  };
}

const ADVANCE = redisScript(`
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local r = cjson.decode(v)
local step = tonumber(ARGV[1])
if step <= tonumber(r.lastUsedStep) then return 0 end
r.lastUsedStep = step
redis.call('SET', KEYS[1], cjson.encode(r))
return 1
`);
const TAKE_CODE = redisScript(`
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local r = cjson.decode(v)
for i, h in ipairs(r.recoveryCodes) do
  if h == ARGV[1] then
    table.remove(r.recoveryCodes, i)
    redis.call('SET', KEYS[1], cjson.encode(r))
    return 1
  end
end
return 0
`);
const GET = redisScript(`return redis.call('GET', KEYS[1])`);
const SET = redisScript(`return redis.call('SET', KEYS[1], ARGV[1])`);
const DEL = redisScript(`return redis.call('DEL', KEYS[1])`);

/** TOTP records in Redis (no expiry): the step check and code removal run as scripts. */
export function redisTwoFactorStore(options: { client: RedisScriptClient; prefix?: string }): TwoFactorStore {
  if (!isRedisScriptClient(options?.client)) throw new AuthSetupError('twoFactor.store.client', 'is not an ioredis client', 'Pass `client: new Redis(url)` from the ioredis package.');
  const { client } = options;
  const key = (userId: string) => `${options.prefix ?? 'rampart:auth:2fa:'}${userId}`;
  const decode = (v: unknown): TwoFactorRecord | undefined => {
    if (typeof v !== 'string') return undefined;
    const r = JSON.parse(v) as TwoFactorRecord;
    // cjson encodes an empty Lua table as {}: read it back as the empty list it was.
    if (!Array.isArray(r.recoveryCodes)) r.recoveryCodes = [];
    return r;
  };
  return {
    get: async (userId) => decode(await runScript(client, GET, [key(userId)])),
    set: async (userId, record) => void (await runScript(client, SET, [key(userId)], [JSON.stringify(record)])),
    delete: async (userId) => void (await runScript(client, DEL, [key(userId)])),
    advanceStep: async (userId, step) => Number(await runScript(client, ADVANCE, [key(userId)], [step])) === 1,
    takeRecoveryCode: async (userId, codeHash) => Number(await runScript(client, TAKE_CODE, [key(userId)], [codeHash])) === 1,
  };
}
