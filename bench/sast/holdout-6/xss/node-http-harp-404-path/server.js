const http = require('http');
const escapeHtml = require('escape-html');

const pages = { '/': '<h1>Home</h1>', '/about': '<h1>About</h1>' };

http.createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (pages[pathname]) {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    return res.end(pages[pathname]);
  }
  const shown = pathname;
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end('<h1>404</h1><p>' + shown + ' was not found.</p>'); // expect: xss
}).listen(9000);
