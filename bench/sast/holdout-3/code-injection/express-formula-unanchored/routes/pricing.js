'use strict';

const express = require('express');
const { evaluateFormula } = require('../lib/formula');

const router = express.Router();

router.post('/quote', (req, res) => {
  const { formula } = req.body;
  try {
    res.json({ price: evaluateFormula(String(formula)) });
  } catch (err) {
    res.status(400).json({ error: err.message });
  }
});

module.exports = router;
