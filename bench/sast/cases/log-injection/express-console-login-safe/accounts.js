const bcrypt = require('bcrypt');

const hashes = new Map();

async function checkPassword(username, password) {
  const hash = hashes.get(String(username));
  return hash ? bcrypt.compare(String(password), hash) : false;
}

module.exports = { checkPassword };
