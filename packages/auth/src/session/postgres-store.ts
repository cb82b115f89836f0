import { AuthSetupError } from '../setup-error.js';
import { SQL_TABLE_NAME, type SessionRecord, type SessionStore } from './store.js';

/** The part of a pg Pool or Client this store uses. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

export interface PostgresSessionStoreOptions {
  /** A pg Pool (`new Pool({ connectionString })`). */
  pool: PgQueryable;
  /** Table name (created if missing, in the connection's search_path). */
  table?: string;
}

/** Sessions in PostgreSQL through pg; every statement is parameterised. */
export function postgresSessionStore(options: PostgresSessionStoreOptions): SessionStore {
  const pool = options?.pool;
  if (!pool || typeof pool.query !== 'function') throw new AuthSetupError('sessions.store.pool', 'is not a pg Pool or Client', 'Pass `pool: new Pool({ connectionString })` from the pg package.');
  const table = options.table ?? 'rampart_sessions';
  if (!SQL_TABLE_NAME.test(table)) throw new AuthSetupError('sessions.store.table', `is ${JSON.stringify(table)}`, 'Use letters, digits and underscores, starting with a letter.');
  let ready: Promise<unknown> | undefined;
  const init = () =>
    (ready ??= pool
      .query(`CREATE TABLE IF NOT EXISTS ${table} (id_hash text PRIMARY KEY, user_id text NOT NULL, record jsonb NOT NULL, expires_at bigint NOT NULL)`)
      .then(() => pool.query(`CREATE INDEX IF NOT EXISTS ${table}_user ON ${table} (user_id)`))
      .catch((err) => {
        ready = undefined; // retry on the next call rather than failing forever
        throw err;
      }));
  let writes = 0;
  return {
    async get(idHash) {
      await init();
      const r = await pool.query(`SELECT record FROM ${table} WHERE id_hash = $1 AND expires_at > $2`, [idHash, Date.now()]);
      return r.rows[0]?.record as SessionRecord | undefined;
    },
    async set(idHash, record, expiresAt) {
      await init();
      await pool.query(
        `INSERT INTO ${table} (id_hash, user_id, record, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id_hash) DO UPDATE SET user_id = EXCLUDED.user_id, record = EXCLUDED.record, expires_at = EXCLUDED.expires_at`,
        [idHash, record.userId, JSON.stringify(record), Math.round(expiresAt)],
      );
      if (++writes % 1000 === 0) await pool.query(`DELETE FROM ${table} WHERE expires_at <= $1`, [Date.now()]);
    },
    async delete(idHash) {
      await init();
      await pool.query(`DELETE FROM ${table} WHERE id_hash = $1`, [idHash]);
    },
    async deleteUser(userId) {
      await init();
      return (await pool.query(`DELETE FROM ${table} WHERE user_id = $1`, [userId])).rowCount ?? 0;
    },
    async listUser(userId) {
      await init();
      const r = await pool.query(`SELECT id_hash, record FROM ${table} WHERE user_id = $1 AND expires_at > $2`, [userId, Date.now()]);
      return r.rows.map((row: { id_hash: string; record: SessionRecord }) => ({ idHash: row.id_hash, record: row.record }));
    },
  };
}
