const express = require('express');
const directory = require('../lib/directory');

const router = express.Router();

router.post('/login', express.urlencoded({ extended: false }), async (req, res) => {
  const entry = await directory.findPerson(req.body.username);
  if (!entry) return res.status(401).json({ error: 'invalid credentials' });
  const ok = await directory.bind(entry.dn, req.body.password);
  if (!ok) return res.status(401).json({ error: 'invalid credentials' });
  req.session.dn = entry.dn;
  res.json({ ok: true });
});

module.exports = router;
