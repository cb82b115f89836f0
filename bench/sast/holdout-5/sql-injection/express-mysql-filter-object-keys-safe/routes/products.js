const express = require('express');
const pool = require('../db/pool');
const { whereFromFilters } = require('../db/filters');

const router = express.Router();

router.get('/products', async (req, res, next) => {
  try {
    const { clause, values } = whereFromFilters(req.query);
    const sql = `SELECT id, name, price, category FROM products ${clause} LIMIT 100`;
    const [rows] = await pool.query(sql, values);
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
