import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';

const db = drizzle(new pg.Pool({ connectionString: process.env.DATABASE_URL }));

export async function recentMessages(room: string) {
  const result = await db.execute(sql`SELECT author, body, sent_at FROM messages WHERE room = ${room} ORDER BY sent_at DESC LIMIT 50`);
  return result.rows;
}
