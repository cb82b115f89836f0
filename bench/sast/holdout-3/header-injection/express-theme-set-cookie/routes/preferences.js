const express = require('express');
const { themeCookie } = require('../lib/theme-cookie');

const router = express.Router();

router.get('/theme', (req, res) => {
  const theme = req.query.theme || 'light';
  res.setHeader('Set-Cookie', themeCookie(theme)); // expect: header-injection
  res.json({ theme });
});

module.exports = router;
