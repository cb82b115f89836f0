const express = require('express');
const config = require('./config');

const router = express.Router();

router.get('/user/:userslug', (req, res, next) => {
  const lowercaseSlug = req.params.userslug.toLowerCase();
  if (req.params.userslug !== lowercaseSlug) {
    return res.redirect(config.get('relative_path') + '/user/' + lowercaseSlug);
  }
  next();
});

module.exports = router;
