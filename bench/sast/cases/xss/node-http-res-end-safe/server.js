const http = require('http');

http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: 'not found', path: decodeURIComponent(pathname) }));
}).listen(3000);
