const express = require('express');
const { User } = require('./models');

const app = express();

app.get('/api/authors', async (req, res) => {
  const authors = await User.findAll({ where: { isAuthor: true }, limit: 100 });
  res.json(authors); // expect: data-leak
});

app.listen(3000);
