const express = require('express');
const escapeHtml = require('escape-html');

const router = express.Router();

function tagList(tags) {
  const parts = ['<ul class="tags">'];
  for (const tag of tags) parts.push(`<li>${tag}</li>`);
  parts.push('</ul>');
  return parts;
}

router.get('/tags/preview', (req, res) => {
  const tags = String(req.query.tags ?? '').split(',').filter(Boolean).slice(0, 20);
  res.type('html').send(tagList(tags).join('')); // expect: xss
});

module.exports = router;
