const fs = require('fs');
const path = require('path');
const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(__dirname, 'data', 'staff.xml'), 'utf8'), 'text/xml');
const app = express();

app.get('/staff/phone', (req, res) => {
  const name = String(req.query.name || '');
  const nodes = xpath.select(`//employee[name='${name}' and public='true']/phone/text()`, doc); // expect: xpath-injection
  res.json({ phones: nodes.map((node) => node.nodeValue) });
});

app.listen(3000);
