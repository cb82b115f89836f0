const express = require('express');
const { logMiss } = require('./searchLog');

const app = express();

app.get('/search', (req, res) => {
  const q = String(req.query.q || '');
  const results = [];
  if (results.length === 0) logMiss(q);
  res.json({ q, results });
});

app.listen(3000);
