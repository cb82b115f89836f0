import { createHash } from 'node:crypto';

/**
 * The part of an ioredis client the Redis stores use: scripts only, so every read-modify-write
 * is atomic on the server. Pass `new Redis(url)` from ioredis (or a Cluster, keys of one call
 * share a hash tag); the stores never create or close the connection.
 */
export interface RedisScriptClient {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  evalsha(sha1: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisScript {
  readonly source: string;
  readonly sha1: string;
}

export function redisScript(source: string): RedisScript {
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/** EVALSHA, falling back to EVAL the first time a server has not seen the script. */
export async function runScript(client: RedisScriptClient, script: RedisScript, keys: readonly string[], args: readonly (string | number)[] = []): Promise<unknown> {
  try {
    return await client.evalsha(script.sha1, keys.length, ...keys, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('NOSCRIPT')) throw err;
    return client.eval(script.source, keys.length, ...keys, ...args);
  }
}

/** Setup check shared by the Redis stores: fail at construction, not at the first login. */
export function isRedisScriptClient(client: unknown): client is RedisScriptClient {
  return typeof client === 'object' && client !== null && typeof (client as RedisScriptClient).eval === 'function' && typeof (client as RedisScriptClient).evalsha === 'function';
}
