const express = require('express');
const pads = require('./pads-store');

const router = express.Router();

router.get('/p/:pad', async (req, res, next) => {
  const padId = req.params.pad;
  const sanitized = await pads.sanitizeId(padId);
  if (sanitized === padId) return next();
  const realURL = new URL(req.url, 'http://invalid.invalid').searchParams.get('next') || encodeURIComponent(sanitized);
  res.redirect(302, realURL); // expect: open-redirect
});

module.exports = router;
