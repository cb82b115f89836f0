const mongoose = require('mongoose');

const schema = new mongoose.Schema({
  email: String,
  code: String,
  userId: mongoose.Types.ObjectId,
  expiresAt: Date,
  usedAt: Date,
});

exports.LoginLink = mongoose.model('LoginLink', schema);
