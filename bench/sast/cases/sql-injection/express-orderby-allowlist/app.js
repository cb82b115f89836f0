const express = require('express');
const Database = require('better-sqlite3');

const db = new Database('catalog.db', { readonly: true });
const app = express();

app.get('/catalog', (req, res) => {
  const sort = req.query.sort || 'name';
  const dir = req.query.dir === 'desc' ? 'DESC' : 'ASC';
  const stmt = db.prepare(`SELECT id, name, price FROM items ORDER BY ${sort} ${dir} LIMIT 50`); // expect: sql-injection
  res.json(stmt.all());
});

app.listen(3000);
