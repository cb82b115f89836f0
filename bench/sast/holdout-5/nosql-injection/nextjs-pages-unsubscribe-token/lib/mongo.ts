import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGODB_URI as string);
const ready = client.connect();

export async function getDb() {
  await ready;
  return client.db('newsletter');
}
