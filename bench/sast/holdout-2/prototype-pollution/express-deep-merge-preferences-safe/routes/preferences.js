const express = require('express');
const { deepMerge } = require('../lib/deep-merge');

const router = express.Router();
const preferences = new Map();

router.patch('/me/preferences', express.json(), (req, res) => {
  const userId = req.user.id;
  const current = preferences.get(userId) ?? { theme: 'light', notifications: { email: true } };
  const updated = deepMerge(current, req.body);
  preferences.set(userId, updated);
  res.json({ theme: updated.theme, notifications: updated.notifications });
});

module.exports = router;
