const express = require('express');
const User = require('./models/user');

const app = express();

app.get('/api/users/search', async (req, res) => {
  const q = String(req.query.q || '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const users = await User.find({ name: { $regex: '^' + q, $options: 'i' } }).limit(10);
  res.json(users); // expect: data-leak
});

app.listen(3000);
