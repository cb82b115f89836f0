const express = require('express');
const crypto = require('node:crypto');
const mongoose = require('mongoose');
const { sendResetMail } = require('./mailer');

const User = mongoose.model('User', new mongoose.Schema({ email: String, resetToken: String }));
const app = express();
app.use(express.json());

app.post('/password/forgot', async (req, res) => {
  if (typeof req.body.email !== 'string') return res.status(400).json({ error: 'email must be a string' });
  const user = await User.findOne({ email: req.body.email });
  if (user) {
    user.resetToken = crypto.randomBytes(32).toString('hex');
    await user.save();
    await sendResetMail(user.email, user.resetToken);
  }
  res.status(202).json({ ok: true });
});

app.listen(3000);
