import { MongoClient, type Db } from 'mongodb';

const client = new MongoClient(process.env.MONGODB_URI ?? 'mongodb://localhost:27017');

export async function getDb(): Promise<Db> {
  await client.connect();
  return client.db('auth');
}
