import { Pool } from 'pg';

const pool = new Pool();

export async function searchArticles(q: string): Promise<{ id: number; body: string }[]> {
  const { rows } = await pool.query("SELECT id, body FROM articles WHERE to_tsvector(body) @@ plainto_tsquery($1) LIMIT 20", [q]);
  return rows;
}
