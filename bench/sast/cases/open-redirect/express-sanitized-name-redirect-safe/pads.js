const express = require('express');
const pads = require('./pads-store');

const router = express.Router();

router.get('/p/:pad', async (req, res, next) => {
  const padId = req.params.pad;
  const sanitized = await pads.sanitizeId(padId);
  if (sanitized === padId) return next();
  const realURL = encodeURIComponent(sanitized) + new URL(req.url, 'http://invalid.invalid').search;
  res.header('Location', realURL);
  res.status(302).send(`You should be redirected to <a href="${realURL}">${realURL}</a>`);
});

module.exports = router;
