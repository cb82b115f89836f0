const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

async function searchProducts(term) {
  const pattern = '%' + term + '%';
  const { rows } = await pool.query('SELECT id, name, price FROM products WHERE name ILIKE $1 LIMIT 50', [pattern]);
  return rows;
}

module.exports = { searchProducts };
