const express = require('express');
const { tagList } = require('../lib/tag-list');

const router = express.Router();

router.get('/tags/preview', (req, res) => {
  const tags = String(req.query.tags ?? '').split(',').filter(Boolean).slice(0, 20);
  res.type('html').send(tagList(tags).join('')); // expect: xss
});

module.exports = router;
