'use strict';

const express = require('express');
const libxmljs = require('libxmljs');
const { parseOptions } = require('./xml-options');

const app = express();
app.use(express.text({ type: 'application/xml' }));

app.post('/orders/import', (req, res) => {
  const doc = libxmljs.parseXmlString(req.body, parseOptions);
  const ids = doc.find('//order/@id').map((a) => a.value());
  res.json({ imported: ids.length });
});

app.listen(3000);
