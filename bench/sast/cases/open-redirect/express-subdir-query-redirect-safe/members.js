const express = require('express');
const urlUtils = require('./url-utils');

const router = express.Router();

router.get('/members/confirm', async (req, res) => {
  // req.query is a plain object: copy it to a URLSearchParams to print it back.
  const searchParams = new URLSearchParams('');
  Object.keys(req.query).forEach((param) => {
    if (param !== 'token' && param !== 'r') {
      searchParams.set(param, req.query[param]);
    }
  });
  searchParams.set('success', 'true');
  res.redirect(`${urlUtils.getSubdir()}/?${searchParams.toString()}`);
});

module.exports = router;
