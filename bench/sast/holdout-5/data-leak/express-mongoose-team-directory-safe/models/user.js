const mongoose = require('mongoose');

const userSchema = new mongoose.Schema({
  name: String,
  email: String,
  avatar: String,
  teamId: mongoose.Schema.Types.ObjectId,
  passwordHash: String,
  resetToken: String,
});

module.exports = mongoose.model('User', userSchema);
