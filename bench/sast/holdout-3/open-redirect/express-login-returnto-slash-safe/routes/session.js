const express = require('express');
const passport = require('passport');
const { landingPage } = require('../lib/landing-page');

const router = express.Router();

router.post('/login', passport.authenticate('local', { failureRedirect: '/login?failed=1' }), (req, res) => {
  const target = landingPage(req.query.returnTo);
  res.redirect(target);
});

module.exports = router;
