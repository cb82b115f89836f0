const express = require('express');
const mysql = require('mysql2');

const pool = mysql.createPool({ host: 'localhost', user: 'app', database: 'crm' });
const app = express();
app.use(express.json());

app.post('/contacts/archive', (req, res, next) => {
  const ids = [].concat(req.body.ids).map((id) => String(id).trim());
  pool.query(`UPDATE contacts SET archived = 1 WHERE id IN (${ids.join(', ')})`, (err, result) => { // expect: sql-injection
    if (err) return next(err);
    res.json({ archived: result.affectedRows });
  });
});

app.listen(3000);
