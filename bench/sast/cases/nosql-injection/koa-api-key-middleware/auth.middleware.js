const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const clients = client.db('platform').collection('api_clients');

async function requireApiKey(ctx, next) {
  const { apiKey } = ctx.request.body || {};
  if (!apiKey) {
    ctx.throw(401, 'api key required');
  }
  const apiClient = await clients.findOne({ apiKey, revoked: false }, { projection: { _id: 1, name: 1, scopes: 1 } }); // expect: nosql-injection
  if (!apiClient) ctx.throw(401, 'invalid api key');
  ctx.state.apiClient = apiClient;
  await next();
}

module.exports = { requireApiKey };
