const mongoose = require('mongoose');

module.exports = mongoose.model('User', new mongoose.Schema({
  name: String,
  email: String,
  avatar: String,
  passwordHash: String,
  resetToken: String,
}));
