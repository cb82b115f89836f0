const express = require('express');
const postgres = require('postgres');

const sql = postgres(process.env.DATABASE_URL);
const app = express();

function normalizeEmail(value) {
  return Promise.resolve(String(value).trim().toLowerCase());
}

app.get('/subscribers/status', (req, res, next) => {
  normalizeEmail(req.query.email)
    .then((email) => sql.unsafe(`SELECT status FROM subscribers WHERE email = '${email}'`)) // expect: sql-injection
    .then((rows) => res.json({ status: rows[0]?.status ?? 'none' }))
    .catch(next);
});

app.listen(3000);
