const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const invites = client.db('app').collection('invites');

exports.findInvite = function findInvite(code) {
  return invites.findOne({ code, status: 'pending' }, { projection: { teamName: 1 } });
};
