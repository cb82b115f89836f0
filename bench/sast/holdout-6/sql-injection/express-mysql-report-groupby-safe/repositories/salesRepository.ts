import mysql from 'mysql';
import { promisify } from 'node:util';

const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'reports', database: 'shop' });
const query = promisify(pool.query).bind(pool) as (sql: string) => Promise<unknown[]>;

export async function salesBy(groupBy: string) {
  const COLUMNS: Record<string, string> = { day: 'DATE(created_at)', month: "DATE_FORMAT(created_at, '%Y-%m')", country: 'ship_country' };
  const column = Object.hasOwn(COLUMNS, groupBy) ? COLUMNS[groupBy] : COLUMNS.day;
  return query(`SELECT ${column} AS bucket, SUM(total) AS revenue FROM orders GROUP BY ${column} ORDER BY bucket`);
}
