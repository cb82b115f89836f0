const http = require('http');
const fs = require('fs');
const libxmljs = require('libxmljs');

const catalog = libxmljs.parseXml(fs.readFileSync('data/catalog.xml', 'utf8'));

http
  .createServer((req, res) => {
    const isbn = new URL(req.url, 'http://localhost').searchParams.get('isbn') || '';
    if (!/^(?:\d{9}[\dX]|\d{13})$/.test(isbn)) {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid isbn' }));
      return;
    }
    const nodes = catalog.find(`//book[isbn='${isbn}']/title`);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ titles: nodes.map((n) => n.text()) }));
  })
  .listen(8082);
