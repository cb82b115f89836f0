const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/products', async (req, res) => {
  const id = req.query.id;
  const { rows } = await pool.query('SELECT id, name, price FROM products WHERE id = ' + id); // expect: sql-injection
  res.json(rows);
});

app.listen(3000);
