const express = require('express');
const escapeHtml = require('escape-html');
const { searchProducts } = require('./catalog');

const app = express();

app.get('/search', async (req, res) => {
  const q = String(req.query.q || '');
  const hits = await searchProducts(q);
  if (hits.length === 0) return res.send('<p>No results for <b>' + escapeHtml(q) + '</b></p>');
  res.json(hits);
});

app.listen(3000);
