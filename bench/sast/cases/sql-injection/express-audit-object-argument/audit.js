'use strict';

const { pool } = require('./db');

async function record({ table, action }) {
  await pool.query(`INSERT INTO ${table} (action) VALUES ('${action}')`); // expect: sql-injection
}

module.exports = { record };
