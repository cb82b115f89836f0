import pg from 'pg';
import { buildWhere } from './sql-filters.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

export async function findProducts(filters) {
  const where = buildWhere(filters);
  const { rows } = await pool.query(`SELECT id, sku, name, price_cents FROM products ${where.text} ORDER BY id LIMIT 100`, where.values);
  return rows;
}
