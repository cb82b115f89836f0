import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export async function listComments(postId: number, limit: string, offset: string) {
  const { rows } = await pool.query(`SELECT id, author, body, created_at FROM comments WHERE post_id = $1 ORDER BY id LIMIT ${limit} OFFSET ${offset}`, [postId]); // expect: sql-injection
  return rows;
}
