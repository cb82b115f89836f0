'use strict';

const express = require('express');
const audit = require('./audit');

const router = express.Router();
const AUDIT_TABLE = process.env.AUDIT_TABLE || 'audit_log';

router.post('/actions', express.json(), async (req, res) => {
  await audit.record({ table: AUDIT_TABLE, action: req.body.action });
  res.status(204).end();
});

module.exports = router;
