const express = require('express');
const { findPerson, bindAs } = require('../lib/directory');

const router = express.Router();

router.post('/login', express.urlencoded({ extended: false }), async (req, res) => {
  const { username, password } = req.body;
  const person = await findPerson(String(username || ''));
  if (!person || !(await bindAs(person.dn, String(password || '')))) {
    return res.status(401).json({ error: 'invalid credentials' });
  }
  req.session.user = { dn: person.dn, name: person.cn };
  res.json({ name: person.cn });
});

module.exports = router;
