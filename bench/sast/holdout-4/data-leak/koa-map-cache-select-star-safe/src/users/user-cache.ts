import type { Pool } from 'pg';

export interface UserRow {
  id: number;
  display_name: string;
  avatar_url: string | null;
  [column: string]: unknown;
}

export class UserCache {
  private readonly rows = new Map<number, UserRow>();

  constructor(private readonly pool: Pool) {}

  async get(id: number): Promise<UserRow | undefined> {
    const hit = this.rows.get(id);
    if (hit) return hit;
    const { rows } = await this.pool.query<UserRow>('SELECT id, display_name, avatar_url FROM users WHERE id = $1', [id]);
    if (rows[0]) this.rows.set(id, rows[0]);
    return rows[0];
  }
}
