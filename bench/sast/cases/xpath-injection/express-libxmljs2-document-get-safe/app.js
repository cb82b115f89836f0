const express = require('express');
const fs = require('fs');
const libxmljs = require('libxmljs2');

const directory = libxmljs.parseXmlString(fs.readFileSync('/etc/app/staff.xml', 'utf8'));
const app = express();

app.get('/staff/phone', (req, res) => {
  const name = String(req.query.name || '');
  if (!/^[A-Za-z ]{1,60}$/.test(name)) return res.status(400).send('bad name');
  const entry = directory.get(`//person[@name='${name}']/phone`);
  res.type('text/plain').send(entry ? entry.text() : '');
});

app.listen(3000);
