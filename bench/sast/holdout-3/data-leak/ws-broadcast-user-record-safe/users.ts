import { Pool } from 'pg';

const pool = new Pool();

export interface UserRow {
  id: number;
  display_name: string;
  email: string;
  api_key: string;
}

export async function findUserBySession(sessionId: string): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>('SELECT u.* FROM users u JOIN sessions s ON s.user_id = u.id WHERE s.id = $1', [sessionId]);
  return rows[0];
}
