const express = require('express');
const libxmljs = require('libxmljs');

const app = express();
app.use(express.text({ type: ['text/xml', 'text/x-opml', 'application/xml'], limit: '1mb' }));

app.post('/feeds/import', (req, res) => {
  const doc = libxmljs.parseXml(req.body, { noent: true, nonet: false }); // expect: xxe
  const feeds = doc.find('//outline[@xmlUrl]').map((o) => ({ title: o.attr('title')?.value(), url: o.attr('xmlUrl').value() }));
  res.json({ imported: feeds.length, feeds });
});

app.listen(3000);
