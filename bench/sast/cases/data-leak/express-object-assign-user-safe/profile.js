const express = require('express');
const pick = require('lodash/pick');
const { loadUser } = require('./users');

const app = express();

app.get('/users/:id/profile', async (req, res) => {
  const user = await loadUser(Number(req.params.id));
  if (!user) return res.sendStatus(404);
  const profile = Object.assign({}, pick(user, ['id', 'name', 'avatar_url']), { profileUrl: `/u/${user.id}` });
  res.json(profile);
});

app.listen(3000);
