const express = require('express');
const { searchArticles } = require('../services/search');

const router = express.Router();

router.get('/search', async (req, res, next) => {
  try {
    const q = String(req.query.q || '');
    const results = await searchArticles(q);
    res.render('search', { query: q, results }); // expect: xss
  } catch (err) {
    next(err);
  }
});

module.exports = router;
