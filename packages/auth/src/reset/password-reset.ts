import { createHash, randomBytes } from 'node:crypto';
import { DEFAULTS } from '../defaults.js';
import { AuthSetupError, rejectUnknownOptions } from '../setup-error.js';
import { isRedisScriptClient, redisScript, runScript, type RedisScriptClient } from '../stores/redis-client.js';

/** Stored per reset token, under the token's SHA-256: a leaked table resets nobody's password. */
export interface ResetTokenRecord {
  userId: string;
  expiresAt: number;
}

export interface ResetTokenStore {
  save(tokenHash: string, record: ResetTokenRecord): Promise<void>;
  /** Atomically read and delete: a token works once, even with two clicks at the same moment. */
  take(tokenHash: string): Promise<ResetTokenRecord | undefined>;
  /** Forget every pending token of a user (after a successful reset or a password change). */
  deleteUser(userId: string): Promise<void>;
}

export interface PasswordResetOptions {
  /** Finds the account for an email or username; undefined when there is none. */
  findUser: (identifier: string) => Promise<{ id: string } | undefined>;
  /** Sends the link (email, SMS). Called without awaiting the answer's timing: see docs. */
  deliver: (user: { id: string }, token: string) => Promise<void>;
  store?: ResetTokenStore;
  tokenTtlMs?: number;
  /** Called when delivery fails, so the app can log it; the requester never learns. */
  onDeliveryError?: (err: unknown) => void;
}

/** One answer whatever happened: the requester cannot tell whether the account exists. */
export const RESET_REQUESTED_MESSAGE = 'If an account exists for this address, we have sent a link to reset its password.';

export interface PasswordReset {
  request(identifier: string): Promise<{ message: string }>;
  /** The user id the token was issued for, consuming the token; undefined when unknown, used or expired. */
  consume(token: string): Promise<string | undefined>;
  /** Ends every pending token of a user. */
  revokeAll(userId: string): Promise<void>;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function createPasswordReset(options: PasswordResetOptions): PasswordReset {
  rejectUnknownOptions('reset', options, ['findUser', 'deliver', 'store', 'tokenTtlMs', 'onDeliveryError']);
  if (typeof options?.findUser !== 'function') throw new AuthSetupError('reset.findUser', 'is missing', 'Pass `findUser: async (email) => user | undefined`.');
  if (typeof options.deliver !== 'function') throw new AuthSetupError('reset.deliver', 'is missing', 'Pass `deliver: async (user, token) => sendEmail(...)`.');
  const ttl = options.tokenTtlMs ?? DEFAULTS.reset.tokenTtlMs;
  if (!(ttl > 0 && ttl <= 60 * 60_000)) throw new AuthSetupError('reset.tokenTtlMs', `is ${ttl}`, 'Keep reset links short-lived: at most one hour (default 15 minutes).');
  const store = options.store ?? memoryResetTokenStore();
  return {
    async request(identifier) {
      const user = typeof identifier === 'string' && identifier.length <= 320 ? await options.findUser(identifier) : undefined;
      if (user) {
        const token = randomBytes(32).toString('base64url');
        await store.save(hashToken(token), { userId: user.id, expiresAt: Date.now() + ttl });
        // Not awaited: an email round trip would make "account exists" answers measurably slower.
        options.deliver(user, token).catch((err) => options.onDeliveryError?.(err));
      }
      return { message: RESET_REQUESTED_MESSAGE };
    },
    async consume(token) {
      if (typeof token !== 'string' || !TOKEN_FORMAT.test(token)) return undefined;
      const record = await store.take(hashToken(token));
      if (!record || record.expiresAt <= Date.now()) return undefined;
      await store.deleteUser(record.userId);
      return record.userId;
    },
    revokeAll: (userId) => store.deleteUser(userId),
  };
}

export function memoryResetTokenStore(): ResetTokenStore {
  const tokens = new Map<string, ResetTokenRecord>();
  return {
    async save(tokenHash, record) {
      for (const [k, r] of tokens) if (r.expiresAt <= Date.now()) tokens.delete(k);
      tokens.set(tokenHash, record);
    },
    async take(tokenHash) {
      const r = tokens.get(tokenHash);
      tokens.delete(tokenHash);
      return r;
    },
    async deleteUser(userId) {
      for (const [k, r] of tokens) if (r.userId === userId) tokens.delete(k);
    },
  };
}

const SAVE = redisScript(`
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
`);
const TAKE = redisScript(`
local v = redis.call('GET', KEYS[1])
if v then redis.call('DEL', KEYS[1]) end
return v
`);
const DELETE_USER = redisScript(`
for _, h in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('DEL', ARGV[1] .. 't:' .. h) end
return redis.call('DEL', KEYS[1])
`);

export function redisResetTokenStore(options: { client: RedisScriptClient; prefix?: string }): ResetTokenStore {
  if (!isRedisScriptClient(options?.client)) throw new AuthSetupError('reset.store.client', 'is not an ioredis client', 'Pass `client: new Redis(url)` from the ioredis package.');
  const { client } = options;
  const prefix = options.prefix ?? 'rampart:auth:reset:';
  return {
    async save(tokenHash, record) {
      await runScript(client, SAVE, [`${prefix}t:${tokenHash}`, `${prefix}u:${record.userId}`], [JSON.stringify(record), Math.max(1, record.expiresAt - Date.now()), tokenHash]);
    },
    async take(tokenHash) {
      const v = await runScript(client, TAKE, [`${prefix}t:${tokenHash}`]);
      return typeof v === 'string' ? (JSON.parse(v) as ResetTokenRecord) : undefined;
    },
    async deleteUser(userId) {
      await runScript(client, DELETE_USER, [`${prefix}u:${userId}`], [prefix]);
    },
  };
}
