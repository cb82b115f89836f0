const express = require('express');
const { parseInvoice } = require('../services/invoice-parser');

const router = express.Router();

router.post('/invoices/import', express.text({ type: ['application/xml', 'text/xml'], limit: '1mb' }), (req, res) => {
  try {
    const invoice = parseInvoice(req.body);
    res.json(invoice);
  } catch (err) {
    res.status(400).json({ error: 'invalid invoice XML' });
  }
});

module.exports = router;
