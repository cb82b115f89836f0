const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ host: 'localhost', user: 'app', database: 'crm' });
const app = express();
app.use(express.json());

app.post('/contacts/archive', (req, res, next) => {
  const ids = [].concat(req.body.ids).map((id) => Number(id));
  if (ids.length === 0 || !ids.every(Number.isSafeInteger)) return res.status(400).json({ error: 'ids must be integers' });
  pool.query(`UPDATE contacts SET archived = 1 WHERE id IN (${ids.join(', ')})`, (err, result) => {
    if (err) return next(err);
    res.json({ archived: result.affectedRows });
  });
});

app.listen(3000);
