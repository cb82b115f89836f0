const express = require('express');
const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const app = express();

app.get('/staff', async (req, res) => {
  const staff = client.db('hr').collection('staff');
  const filter = { role: req.query.role, active: true };
  const people = await staff.find(filter, { projection: { name: 1, role: 1 } }).toArray(); // expect: nosql-injection
  res.json(people);
});

client.connect().then(() => app.listen(3000));
