const express = require('express');
const { parseContacts } = require('../services/contacts-xml');

const router = express.Router();

router.post('/contacts/import', express.text({ type: ['application/xml', 'text/xml'], limit: '1mb' }), (req, res) => {
  let contacts;
  try {
    contacts = parseContacts(req.body);
  } catch (err) {
    return res.status(400).json({ error: 'invalid xml' });
  }
  res.json({ imported: contacts.length, contacts });
});

module.exports = router;
