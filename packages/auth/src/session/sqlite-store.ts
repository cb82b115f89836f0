import { AuthSetupError } from '../setup-error.js';
import { SQL_TABLE_NAME, type SessionRecord, type SessionStore } from './store.js';

/** The part of a better-sqlite3 Database this store uses. */
export interface SqliteDatabase {
  prepare(sql: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  exec(sql: string): unknown;
}

export interface SqliteSessionStoreOptions {
  /** A better-sqlite3 Database (`new Database('app.db')`). */
  database: SqliteDatabase;
  /** Table name (created if missing). */
  table?: string;
}

/** Sessions in SQLite through better-sqlite3 (synchronous, so every statement is atomic). */
export function sqliteSessionStore(options: SqliteSessionStoreOptions): SessionStore {
  const db = options?.database;
  if (!db || typeof db.prepare !== 'function' || typeof db.exec !== 'function') {
    throw new AuthSetupError('sessions.store.database', 'is not a better-sqlite3 Database', "Pass `database: new Database('sessions.db')` from better-sqlite3.");
  }
  const table = options.table ?? 'rampart_sessions';
  if (!SQL_TABLE_NAME.test(table)) throw new AuthSetupError('sessions.store.table', `is ${JSON.stringify(table)}`, 'Use letters, digits and underscores, starting with a letter.');
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, record TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS ${table}_user ON ${table} (user_id);`);
  const q = {
    get: db.prepare(`SELECT record FROM ${table} WHERE id_hash = ? AND expires_at > ?`),
    set: db.prepare(`INSERT INTO ${table} (id_hash, user_id, record, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (id_hash) DO UPDATE SET user_id = excluded.user_id, record = excluded.record, expires_at = excluded.expires_at`),
    delete: db.prepare(`DELETE FROM ${table} WHERE id_hash = ?`),
    deleteUser: db.prepare(`DELETE FROM ${table} WHERE user_id = ?`),
    listUser: db.prepare(`SELECT id_hash, record FROM ${table} WHERE user_id = ? AND expires_at > ?`),
    sweep: db.prepare(`DELETE FROM ${table} WHERE expires_at <= ?`),
  };
  let writes = 0;
  return {
    async get(idHash) {
      const row = q.get.get(idHash, Date.now()) as { record: string } | undefined;
      return row ? (JSON.parse(row.record) as SessionRecord) : undefined;
    },
    async set(idHash, record, expiresAt) {
      q.set.run(idHash, record.userId, JSON.stringify(record), Math.round(expiresAt));
      // SQLite has no expiry of its own: sweep expired rows every 1000 writes.
      if (++writes % 1000 === 0) q.sweep.run(Date.now());
    },
    async delete(idHash) {
      q.delete.run(idHash);
    },
    async deleteUser(userId) {
      return Number((q.deleteUser.run(userId) as { changes: number }).changes);
    },
    async listUser(userId) {
      return (q.listUser.all(userId, Date.now()) as { id_hash: string; record: string }[]).map((r) => ({ idHash: r.id_hash, record: JSON.parse(r.record) as SessionRecord }));
    },
  };
}
