import Database from 'better-sqlite3';

const db = new Database(process.env.DB_PATH ?? 'app.db');
const byOwner = db.prepare('SELECT id, label, last_four, created_at FROM api_keys WHERE owner_id = ? ORDER BY created_at DESC');

export function keysOf(ownerId) {
  return byOwner.all(ownerId);
}
