const express = require('express');
const bcrypt = require('bcryptjs');
const userStore = require('../lib/user-store');

const router = express.Router();

router.post('/admin/login_action', express.json(), async (req, res) => {
  const { email, password } = req.body;
  const user = await userStore.byEmail(req.app.locals.db, email);
  if (!user) return res.status(400).json({ message: 'A user with that email does not exist.' });
  const ok = await bcrypt.compare(String(password), user.passwordHash);
  if (!ok) return res.status(400).json({ message: 'Access denied. Check password and try again.' });
  req.session.user = user._id.toString();
  return res.json({ message: 'Login successful' });
});

module.exports = router;
