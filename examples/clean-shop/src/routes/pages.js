const express = require('express');
const { db } = require('../db');
const { escapeHtml, escapeRegExp } = require('../escape');

const router = express.Router();

// `title` and `body` must already be escaped HTML.
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

// Search in product names and descriptions; the words are matched literally.
router.get('/search', (req, res) => {
  const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
  const pattern = new RegExp(escapeRegExp(q), 'i');
  const products = db
    .prepare('SELECT id, name, description, price FROM products ORDER BY name')
    .all()
    .filter((p) => pattern.test(p.name) || pattern.test(p.description));

  if (products.length === 0) {
    return res.send(page('Search', `<h1>Search</h1><p>No products found for "${escapeHtml(q)}".</p>`));
  }
  const items = products
    .map((p) => `<li><strong>${escapeHtml(p.name)}</strong> - ${escapeHtml(p.description)} - &euro;${p.price.toFixed(2)}</li>`)
    .join('\n');
  res.send(page('Search', `<h1>Search</h1><p>${products.length} products found.</p><ul>${items}</ul>`));
});

module.exports = router;
