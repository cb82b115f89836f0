const express = require('express');
const libxmljs = require('libxmljs');

const app = express();
app.use(express.text({ type: ['application/xml', 'text/xml'], limit: '1mb' }));

app.post('/invoices/import', (req, res) => {
  const doc = libxmljs.parseXml(req.body, { noent: true }); // expect: xxe
  const total = doc.get('//invoice/total');
  res.json({ total: total ? Number(total.text()) : null });
});

app.listen(3000);
