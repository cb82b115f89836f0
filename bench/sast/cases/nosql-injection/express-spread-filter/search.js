const express = require('express');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const app = express();
app.use(express.json());

app.post('/listings/search', async (req, res) => {
  const filter = { ...req.body, published: true };
  const listings = await client.db('market').collection('listings').find(filter).project({ title: 1, price: 1 }).limit(50).toArray(); // expect: nosql-injection
  res.json(listings);
});

client.connect().then(() => app.listen(3000));
