const express = require('express');
const { verifyCredentials } = require('./users');

const router = express.Router();

function isLocalPath(target) {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\');
}

router.post('/login', express.urlencoded({ extended: false }), async (req, res) => {
  const user = await verifyCredentials(req.body.email, req.body.password);
  if (!user) return res.status(401).render('login', { error: 'Invalid credentials' });
  req.session.userId = user.id;
  const next = req.query.next;
  res.redirect(isLocalPath(next) ? next : '/dashboard');
});

module.exports = router;
