const express = require('express');
const { discover } = require('../lib/oidc');

const router = express.Router();

router.post('/settings/sso/test', express.json(), async (req, res) => {
  try {
    const config = await discover(req.body.issuer);
    res.json({ authorization_endpoint: config.authorization_endpoint, token_endpoint: config.token_endpoint });
  } catch (err) {
    res.status(502).json({ error: 'discovery failed' });
  }
});

module.exports = router;
