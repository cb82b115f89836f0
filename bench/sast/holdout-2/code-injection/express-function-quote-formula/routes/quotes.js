const express = require('express');
const config = require('../config');
const { evaluateFormula } = require('../lib/formula');

const router = express.Router();

router.post('/quotes', express.json(), (req, res) => {
  const { quantity, unitPrice } = req.body;
  const formula = req.body.formula || config.pricing.formula;
  const price = evaluateFormula(formula, { quantity: Number(quantity), unitPrice: Number(unitPrice) });
  res.json({ price: Math.round(price * 100) / 100 });
});

module.exports = router;
