const express = require('express');
const mysql = require('mysql');

const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'notes', password: process.env.DB_PASS, database: 'notes' });
const app = express();

app.get('/notes', (req, res) => {
  const author = String(req.query.author || '');
  let sql = 'SELECT id, title, updated_at FROM notes WHERE deleted = 0';
  if (author) {
    sql += ' AND author = ' + mysql.escape(author);
  }
  pool.query(sql + ' ORDER BY updated_at DESC LIMIT 50', (err, rows) => {
    if (err) return res.status(500).json({ error: 'query failed' });
    res.json(rows);
  });
});

app.listen(3000);
