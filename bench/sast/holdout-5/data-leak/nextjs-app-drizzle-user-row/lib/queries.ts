import { eq } from 'drizzle-orm';
import { db } from './db';
import { users } from './schema';

export async function userById(id: number) {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}
