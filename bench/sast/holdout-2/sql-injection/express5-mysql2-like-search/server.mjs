import express from 'express';
import mysql from 'mysql2/promise';

const app = express();
const pool = mysql.createPool({ host: '127.0.0.1', user: 'crm', database: 'crm', connectionLimit: 10 });

app.get('/api/customers/search', async (req, res) => {
  const term = String(req.query.q ?? '').trim();
  if (term.length < 2) {
    return res.status(400).json({ error: 'query too short' });
  }
  const [rows] = await pool.query(`SELECT id, name, city FROM customers WHERE name LIKE '%${term}%' ORDER BY name LIMIT 50`); // expect: sql-injection
  res.json(rows);
});

app.listen(3000);
