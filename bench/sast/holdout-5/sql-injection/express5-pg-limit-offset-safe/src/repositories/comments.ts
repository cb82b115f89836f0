import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export async function listComments(postId: number, limitParam: string, offsetParam: string) {
  const limit = Math.min(Math.max(Number.parseInt(limitParam, 10) || 20, 1), 100);
  const offset = Math.max(Number.parseInt(offsetParam, 10) || 0, 0);
  const { rows } = await pool.query(`SELECT id, author, body, created_at FROM comments WHERE post_id = $1 ORDER BY id LIMIT ${limit} OFFSET ${offset}`, [postId]);
  return rows;
}
