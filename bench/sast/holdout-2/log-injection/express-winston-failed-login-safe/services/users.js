const bcrypt = require('bcrypt');
const { Pool } = require('pg');

const pool = new Pool();

async function verifyCredentials(username, password) {
  const { rows } = await pool.query('SELECT id, password_hash FROM users WHERE username = $1', [username]);
  if (rows.length === 0) return null;
  return (await bcrypt.compare(password, rows[0].password_hash)) ? { id: rows[0].id } : null;
}

module.exports = { verifyCredentials };
