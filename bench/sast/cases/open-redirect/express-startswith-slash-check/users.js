const bcrypt = require('bcrypt');
const db = require('./db');

async function verifyCredentials(email, password) {
  const user = await db.oneOrNone('SELECT id, password_hash FROM users WHERE email = $1', [email]);
  if (!user) return null;
  return (await bcrypt.compare(password, user.password_hash)) ? { id: user.id } : null;
}

module.exports = { verifyCredentials };
