import express from 'express';
import { z } from 'zod';
import { rampart } from '@rampart/guard';
import { sql } from '../db.js';

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place in HTML element content or a quoted attribute. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

const SearchQuery = z.object({ q: z.string().max(100).default('') });

// `body` must already be escaped HTML. The script carries this response's CSP nonce: the guard's
// Content-Security-Policy runs no script without it, so injected markup could not run code either.
function page(title, body, nonce) {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(title)} - Corner Coffee</title>
  <link rel="stylesheet" href="/style.css">
</head>
<body>
  <header><a href="/">Corner Coffee</a> <a href="/login.html">Log in</a></header>
  <main>${body}</main>
  <script nonce="${escapeHtml(nonce)}" src="/js/search.js"></script>
</body>
</html>`;
}

export function pageRoutes() {
  const router = express.Router();

  // Search in product names and descriptions; the words are matched literally (no RegExp from input).
  router.get('/search', rampart.validate({ query: SearchQuery }), (req, res) => {
    const { q } = req.validated.query;
    const needle = q.toLowerCase();
    const products = sql.searchableProducts
      .all()
      .filter((p) => p.name.toLowerCase().includes(needle) || p.description.toLowerCase().includes(needle));
    const nonce = res.locals.cspNonce ?? '';
    const form = `<form action="/search" method="get"><input type="search" name="q" value="${escapeHtml(q)}" maxlength="100"> <button type="submit">Search</button></form>`;
    res.type('html');
    if (products.length === 0) {
      return res.send(page('Search', `<h1>Search</h1>${form}<p>No products found for "${escapeHtml(q)}".</p>`, nonce));
    }
    const items = products
      .map((p) => `<li><strong>${escapeHtml(p.name)}</strong> - ${escapeHtml(p.description)} - &euro;${p.price.toFixed(2)}</li>`)
      .join('\n');
    res.send(page('Search', `<h1>Search</h1>${form}<p>${products.length} products found for "${escapeHtml(q)}".</p><ul>${items}</ul>`, nonce));
  });

  return router;
}
