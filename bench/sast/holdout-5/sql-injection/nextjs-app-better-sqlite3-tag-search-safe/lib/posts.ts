import Database from 'better-sqlite3';

const db = new Database(process.env.SQLITE_PATH ?? 'blog.db', { readonly: true });

export function postsTagged(tag: string) {
  const pattern = `%${tag}%`;
  return db.prepare('SELECT id, title, slug FROM posts WHERE tags LIKE ? ORDER BY published_at DESC').all(pattern);
}
