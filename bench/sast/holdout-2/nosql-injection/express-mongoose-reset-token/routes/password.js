const express = require('express');
const bcrypt = require('bcrypt');
const User = require('../models/user');

const router = express.Router();

router.post('/password/reset', express.json(), async (req, res) => {
  const { token, password } = req.body;
  if (typeof password !== 'string' || password.length < 12) {
    return res.status(400).json({ error: 'password must have at least 12 characters' });
  }
  const user = await User.findOne({ resetToken: token, resetExpires: { $gt: new Date() } }); // expect: nosql-injection
  if (!user) {
    return res.status(400).json({ error: 'invalid or expired token' });
  }
  user.passwordHash = await bcrypt.hash(password, 12);
  user.resetToken = undefined;
  user.resetExpires = undefined;
  await user.save();
  res.json({ ok: true });
});

module.exports = router;
