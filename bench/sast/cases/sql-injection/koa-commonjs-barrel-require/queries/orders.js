'use strict';

const db = require('../db');

async function ordersByStatus(status) {
  const [rows] = await db.query(`SELECT id, total, status FROM orders WHERE status = '${status}'`); // expect: sql-injection
  return rows;
}

module.exports = { ordersByStatus };
