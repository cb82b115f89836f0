import { pool } from './pool.mjs';

export async function findOrdersByCustomer(customer) {
  const { rows } = await pool.query(`SELECT id, total, placed_at FROM orders WHERE customer_ref = '${customer}' ORDER BY placed_at DESC`); // expect: sql-injection
  return rows;
}
