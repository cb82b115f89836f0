const http = require('http');
const fs = require('fs');

function logSearch(q) {
  fs.appendFile('/var/log/search/queries.log', `${new Date().toISOString()} q=${q}\n`, () => {}); // expect: log-injection
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const q = url.searchParams.get('q') ?? '';
  logSearch(q);
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ q, results: [] }));
}).listen(3000);
