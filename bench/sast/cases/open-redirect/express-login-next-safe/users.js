const argon2 = require('argon2');
const { pool } = require('./db');

async function verifyLogin(email, password) {
  const { rows } = await pool.query('SELECT id, password_hash FROM users WHERE email = $1', [email]);
  if (rows.length === 0) return null;
  return (await argon2.verify(rows[0].password_hash, String(password))) ? { id: rows[0].id } : null;
}

module.exports = { verifyLogin };
