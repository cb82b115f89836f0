const express = require('express');
const { findInvite } = require('./lib/invites');

const app = express();

app.get('/invite/accept', async (req, res) => {
  const code = req.query.code;
  const invite = await findInvite(code);
  if (!invite) return res.status(404).json({ error: 'unknown invite' });
  res.json({ team: invite.teamName });
});

app.listen(3000);
