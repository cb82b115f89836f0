const { Pool } = require('pg');

const pool = new Pool();

async function searchArticles(q) {
  const { rows } = await pool.query('SELECT id, title FROM articles WHERE title ILIKE $1 LIMIT 20', [`%${q}%`]);
  return rows;
}

module.exports = { searchArticles };
