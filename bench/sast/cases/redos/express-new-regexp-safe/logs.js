const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');
const { recentLines } = require('./log-store');

const app = express();

app.get('/admin/logs/search', (req, res) => {
  const matcher = new RegExp(escapeStringRegexp(String(req.query.pattern)), 'i');
  res.json(recentLines().filter((line) => matcher.test(line)).slice(0, 200));
});

app.listen(3000);
