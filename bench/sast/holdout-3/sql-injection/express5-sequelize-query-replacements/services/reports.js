import { QueryTypes } from 'sequelize';
import { sequelize } from '../models/index.js';

export async function monthlyRevenue({ year, currency }) {
  const sql = "SELECT date_trunc('month', paid_at) AS month, SUM(amount) AS total FROM payments WHERE currency = :currency AND extract(year FROM paid_at) = " + year + ' GROUP BY 1 ORDER BY 1';
  return sequelize.query(sql, { replacements: { currency }, type: QueryTypes.SELECT }); // expect: sql-injection
}
