const mongoose = require('mongoose');

const userSchema = new mongoose.Schema({
  username: { type: String, unique: true },
  displayName: String,
  bio: String,
  passwordHash: String,
  apiToken: String,
});

module.exports = mongoose.model('User', userSchema);
