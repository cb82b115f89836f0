'use strict';

const express = require('express');
const deepMerge = require('../lib/deep-merge');
const settingsStore = require('../stores/settings');

const router = express.Router();

router.patch('/settings', express.json(), async (req, res) => {
  const current = await settingsStore.load(req.user.id);
  const updated = deepMerge(current, req.body);
  await settingsStore.save(req.user.id, updated);
  res.json({ ok: true });
});

module.exports = router;
