import { Redis } from 'ioredis';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * Real services, as users run them: Redis 127.0.0.1:6379 and PostgreSQL 127.0.0.1:5432.
 * Missing service: the test fails under CI=true and otherwise skips, saying what is missing.
 */
export interface Service<T> {
  client?: T;
  skip: string | false;
  close(): Promise<void>;
}

function missing(what: string, err: unknown): string {
  const message = `${what} is not reachable (${err instanceof Error ? err.message : String(err)})`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI must provide it`);
  return `${message}: start it to run these tests`;
}

export async function connectRedis(): Promise<Service<Redis>> {
  const client = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null });
  try {
    await client.connect();
    await client.ping();
    return { client, skip: false, close: async () => void (await client.quit()) };
  } catch (err) {
    client.disconnect();
    return { skip: missing('Redis at 127.0.0.1:6379', err), close: async () => {} };
  }
}

export async function connectPostgres(): Promise<Service<pg.Pool>> {
  const pool = new pg.Pool({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test', max: 4, connectionTimeoutMillis: 2000 });
  try {
    await pool.query('SELECT 1');
    return { client: pool, skip: false, close: () => pool.end() };
  } catch (err) {
    await pool.end().catch(() => {});
    return { skip: missing('PostgreSQL at 127.0.0.1:5432 (user postgres, db test)', err), close: async () => {} };
  }
}

/** A prefix or table name no other test run uses. */
export const uniqueName = (base: string) => `${base}_${process.pid}_${randomBytes(4).toString('hex')}`;

/** Deletes every Redis key under a prefix (tests clean up after themselves). */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}
