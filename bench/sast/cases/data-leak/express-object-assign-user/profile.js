const express = require('express');
const { loadUser } = require('./users');

const app = express();

app.get('/users/:id/profile', async (req, res) => {
  const user = await loadUser(Number(req.params.id));
  if (!user) return res.sendStatus(404);
  const profile = Object.assign({}, user, { profileUrl: `/u/${user.id}` });
  res.json(profile); // expect: data-leak
});

app.listen(3000);
