import mysql from 'mysql';
import { promisify } from 'node:util';

const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'reports', database: 'shop' });
const query = promisify(pool.query).bind(pool) as (sql: string) => Promise<unknown[]>;

export async function salesBy(groupBy: string) {
  const column = groupBy;
  return query(`SELECT ${column} AS bucket, SUM(total) AS revenue FROM orders GROUP BY ${column} ORDER BY bucket`); // expect: sql-injection
}
