import bcrypt from 'bcrypt';
import { db } from './db.js';

export async function verifyPassword(email, password) {
  const user = await db.oneOrNone('SELECT id, password_hash FROM users WHERE email = $1', [email]);
  return user && (await bcrypt.compare(String(password), user.password_hash)) ? { id: user.id } : null;
}
