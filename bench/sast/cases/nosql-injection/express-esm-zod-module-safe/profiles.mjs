import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);
const profiles = client.db('social').collection('profiles');

export async function findProfile(username) {
  return profiles.findOne({ username }, { projection: { _id: 0, username: 1, bio: 1, avatarUrl: 1 } });
}
