'use strict';

const Mongoose = require('mongoose');

module.exports = Mongoose.model('Member', new Mongoose.Schema({
  name: String,
  avatar: String,
  email: String,
  password: String,
  apiToken: String,
}));
