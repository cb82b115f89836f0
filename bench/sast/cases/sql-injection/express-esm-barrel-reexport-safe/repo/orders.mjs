import { pool } from './pool.mjs';

export async function findOrdersByCustomer(customer) {
  const { rows } = await pool.query('SELECT id, total, placed_at FROM orders WHERE customer_ref = $1 ORDER BY placed_at DESC', [customer]);
  return rows;
}
