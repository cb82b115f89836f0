const http = require('http');
const fs = require('fs');
const libxmljs = require('libxmljs');

const catalog = libxmljs.parseXml(fs.readFileSync('data/catalog.xml', 'utf8'));

http
  .createServer((req, res) => {
    const isbn = new URL(req.url, 'http://localhost').searchParams.get('isbn') || '';
    const nodes = catalog.find(`//book[isbn='${isbn}']/title`); // expect: xpath-injection
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ titles: nodes.map((n) => n.text()) }));
  })
  .listen(8082);
