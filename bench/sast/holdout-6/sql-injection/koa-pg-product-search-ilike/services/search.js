const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

async function searchProducts(term) {
  const pattern = '%' + term + '%';
  const { rows } = await pool.query("SELECT id, name, price FROM products WHERE name ILIKE '" + pattern + "' LIMIT 50"); // expect: sql-injection
  return rows;
}

module.exports = { searchProducts };
