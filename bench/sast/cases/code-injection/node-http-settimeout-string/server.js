const http = require('http');
const { URL } = require('url');

global.remind = (label) => process.stdout.write(`reminder: ${label.length} chars\n`);

http.createServer((req, res) => {
  const { searchParams } = new URL(req.url, 'http://localhost');
  const label = searchParams.get('label') || 'ping';
  setTimeout('remind("' + label + '")', 1000); // expect: code-injection
  res.writeHead(202, { 'content-type': 'application/json' });
  res.end('{"scheduled":true}');
}).listen(3000);
