const mongoose = require('mongoose');

const playerSchema = new mongoose.Schema({
  name: String,
  score: Number,
  email: String,
  passwordHash: String,
  apiToken: String,
});

module.exports = mongoose.model('Player', playerSchema);
