const mongoose = require('mongoose');

module.exports = mongoose.model('PasswordReset', new mongoose.Schema({
  token: String,
  userId: mongoose.Schema.Types.ObjectId,
  usedAt: Date,
}));
