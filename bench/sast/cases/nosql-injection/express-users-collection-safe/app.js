const express = require('express');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const users = client.db('portal').collection('users');

const app = express();
app.use(express.json());

app.post('/api/session', async (req, res) => {
  const account = await users.findOne({ email: String(req.body.email), apiKey: String(req.body.apiKey) }, { projection: { _id: 1, role: 1 } });
  if (!account) return res.status(401).json({ error: 'invalid credentials' });
  res.json({ id: account._id, role: account.role });
});

app.listen(3000);
