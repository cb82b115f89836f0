const express = require('express');
const logger = require('../lib/logger');
const { verifyCredentials } = require('../services/users');

const router = express.Router();

router.post('/login', express.urlencoded({ extended: false }), async (req, res) => {
  const username = String(req.body.username || '');
  const user = await verifyCredentials(username, String(req.body.password || ''));
  if (!user) {
    const shown = username.replace(/[\r\n]+/g, ' ');
    logger.warn(`failed login for user ${shown} from ${req.ip}`);
    return res.status(401).json({ error: 'invalid credentials' });
  }
  req.session.userId = user.id;
  res.json({ ok: true });
});

module.exports = router;
