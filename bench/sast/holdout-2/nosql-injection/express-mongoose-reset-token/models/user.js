const mongoose = require('mongoose');

const userSchema = new mongoose.Schema({
  email: { type: String, required: true, unique: true },
  passwordHash: { type: String, required: true },
  resetToken: { type: String, index: true },
  resetExpires: Date,
});

module.exports = mongoose.model('User', userSchema);
