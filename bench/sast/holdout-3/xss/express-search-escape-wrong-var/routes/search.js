'use strict';

const express = require('express');
const { searchPage } = require('../views/search-page');
const catalog = require('../services/catalog');

const router = express.Router();

router.get('/search', async (req, res) => {
  const term = String(req.query.q || '');
  const results = await catalog.search(term);
  res.send(searchPage({ term, results })); // expect: xss
});

module.exports = router;
