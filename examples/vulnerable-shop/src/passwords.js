const crypto = require('crypto');

function hashPassword(password) {
  return crypto.createHash('md5').update(password).digest('hex');
}

function checkPassword(password, passwordHash) {
  return hashPassword(password) === passwordHash;
}

module.exports = { hashPassword, checkPassword };
