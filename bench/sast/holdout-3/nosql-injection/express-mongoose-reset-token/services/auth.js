const bcrypt = require('bcrypt');
const PasswordReset = require('../models/password-reset');
const User = require('../models/user');

async function resetPassword(token, password) {
  const reset = await PasswordReset.findOne({ token, usedAt: null }); // expect: nosql-injection
  if (!reset) throw Object.assign(new Error('invalid token'), { status: 400 });
  const passwordHash = await bcrypt.hash(password, 12);
  await User.updateOne({ _id: reset.userId }, { passwordHash });
  reset.usedAt = new Date();
  await reset.save();
}

module.exports = { resetPassword };
