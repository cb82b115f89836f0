'use strict';

const pool = require('../db');

function salesByRegion({ region, since }) {
  const where = region === 'all' ? 'WHERE sold_at >= $1' : `WHERE sold_at >= $1 AND region = '${region}'`;
  return pool.query(`SELECT region, SUM(amount) AS total FROM sales ${where} GROUP BY region`, [since]).then((r) => r.rows); // expect: sql-injection
}

module.exports = { salesByRegion };
