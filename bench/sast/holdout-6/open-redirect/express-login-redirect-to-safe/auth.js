const bcrypt = require('bcrypt');
const { Pool } = require('pg');

const pool = new Pool();

exports.authenticate = async function authenticate(username, password) {
  const { rows } = await pool.query('SELECT id, password_hash FROM users WHERE username = $1', [String(username)]);
  const user = rows[0];
  return user && (await bcrypt.compare(String(password), user.password_hash)) ? { id: user.id } : null;
};
