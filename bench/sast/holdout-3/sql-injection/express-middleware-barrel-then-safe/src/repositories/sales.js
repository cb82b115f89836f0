'use strict';

const pool = require('../db');

function salesByRegion({ region, since }) {
  const where = region === 'all' ? 'WHERE sold_at >= $1' : 'WHERE sold_at >= $1 AND region = $2';
  const params = region === 'all' ? [since] : [since, region];
  return pool.query(`SELECT region, SUM(amount) AS total FROM sales ${where} GROUP BY region`, params).then((r) => r.rows);
}

module.exports = { salesByRegion };
