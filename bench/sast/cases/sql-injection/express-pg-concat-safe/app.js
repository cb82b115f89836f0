const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();

app.get('/products', async (req, res) => {
  const id = req.query.id;
  const { rows } = await pool.query('SELECT id, name, price FROM products WHERE id = $1', [id]);
  res.json(rows);
});

app.listen(3000);
