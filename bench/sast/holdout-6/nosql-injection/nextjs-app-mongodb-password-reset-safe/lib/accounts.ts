import { MongoClient } from 'mongodb';
import bcrypt from 'bcryptjs';

const client = new MongoClient(process.env.MONGODB_URI as string);

export async function resetPassword(token: unknown, password: string): Promise<boolean> {
  const users = client.db().collection('users');
  const hash = await bcrypt.hash(password, 12);
  const result = await users.updateOne({ resetToken: token, resetExpires: { $gt: new Date() } }, { $set: { passwordHash: hash }, $unset: { resetToken: '' } });
  return result.modifiedCount === 1;
}
