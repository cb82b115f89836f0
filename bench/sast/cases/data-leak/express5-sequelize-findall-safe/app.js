const express = require('express');
const { User } = require('./models');

const app = express();

app.get('/api/authors', async (req, res) => {
  const authors = await User.findAll({ attributes: ['id', 'name'], where: { isAuthor: true }, limit: 100 });
  res.json(authors);
});

app.listen(3000);
