const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const SORT_COLUMNS = {
  name: 'name ASC',
  price: 'price ASC',
  newest: 'created_at DESC',
};

async function listProducts({ category, sort }) {
  const orderBy = Object.hasOwn(SORT_COLUMNS, sort) ? SORT_COLUMNS[sort] : sort;
  const { rows } = await pool.query( // expect: sql-injection
    `SELECT id, name, price FROM products WHERE ($1 = 'all' OR category = $1) ORDER BY ${orderBy} LIMIT 100`,
    [category],
  );
  return rows;
}

module.exports = { listProducts };
