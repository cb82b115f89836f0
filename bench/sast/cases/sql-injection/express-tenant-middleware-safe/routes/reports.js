const express = require('express');
const { pool } = require('../db');

const router = express.Router();

router.get('/revenue', async (req, res, next) => {
  const client = await pool.connect();
  try {
    await client.query(`SET search_path TO ${req.tenant}`);
    const { rows } = await client.query('SELECT month, total FROM revenue ORDER BY month');
    res.json(rows);
  } catch (err) {
    next(err);
  } finally {
    client.release();
  }
});

module.exports = router;
