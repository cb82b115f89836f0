const express = require('express');
const { asyncHandler } = require('../lib/async-handler');
const { LoginLink } = require('../models/login-link');

const router = express.Router();

router.post(
  '/magic-link/verify',
  asyncHandler(async (req, res) => {
    const { email, code } = req.body;
    const filter = { email: String(email), code: { $eq: code }, usedAt: null };
    const link = await LoginLink.findOne(filter, 'userId expiresAt');
    if (!link || link.expiresAt < new Date()) return res.status(401).json({ error: 'invalid code' });
    req.session.userId = link.userId;
    res.json({ ok: true });
  }),
);

module.exports = router;
