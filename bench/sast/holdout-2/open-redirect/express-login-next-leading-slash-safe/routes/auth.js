const express = require('express');
const passport = require('passport');
const { localPath } = require('../lib/safe-redirect');

const router = express.Router();

router.post(
  '/login',
  express.urlencoded({ extended: false }),
  passport.authenticate('local', { failureRedirect: '/login?error=1' }),
  (req, res) => {
    res.redirect(localPath(req.query.next, '/dashboard'));
  },
);

module.exports = router;
