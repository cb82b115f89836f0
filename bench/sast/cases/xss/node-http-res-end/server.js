const http = require('http');

http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<h1>Not found</h1><p>' + decodeURIComponent(pathname) + ' does not exist.</p>'); // expect: xss
}).listen(3000);
