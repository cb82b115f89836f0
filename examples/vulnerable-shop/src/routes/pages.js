const express = require('express');
const db = require('../db');

const router = express.Router();

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} - Corner Coffee</title>
  <link rel="stylesheet" href="/style.css">
</head>
<body>
  <header><a href="/">Corner Coffee</a> <a href="/login.html">Log in</a></header>
  <main>${body}</main>
</body>
</html>`;
}

// Full-text-ish search; the search box accepts patterns like "espresso|grinder".
router.get('/search', (req, res) => {
  const q = req.query.q || '';
  const pattern = new RegExp(q, 'i');
  const products = db
    .prepare('SELECT id, name, description, price FROM products ORDER BY name')
    .all()
    .filter((p) => pattern.test(p.name) || pattern.test(p.description));

  if (products.length === 0) {
    return res.send(page('Search', `<h1>Search</h1><p>No products found for "${q}".</p>`));
  }
  const items = products
    .map((p) => `<li><strong>${p.name}</strong> - ${p.description} - &euro;${p.price.toFixed(2)}</li>`)
    .join('\n');
  res.send(page('Search', `<h1>Search</h1><p>${products.length} products found.</p><ul>${items}</ul>`));
});

module.exports = router;
