const express = require('express');
const argon2 = require('argon2');
const mongoose = require('mongoose');

const User = mongoose.model('User', new mongoose.Schema({ email: String, passwordHash: String, resetToken: String }));
const app = express();
app.use(express.json());

app.post('/password/reset', async (req, res) => {
  const user = await User.findOne({ resetToken: req.body.token }); // expect: nosql-injection
  if (!user) return res.status(400).json({ error: 'invalid or expired link' });
  user.passwordHash = await argon2.hash(String(req.body.newPassword));
  user.resetToken = undefined;
  await user.save();
  res.json({ ok: true });
});

app.listen(3000);
