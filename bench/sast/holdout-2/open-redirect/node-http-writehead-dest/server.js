const http = require('node:http');

const SITE_PATHS = new Set(['/', '/pricing', '/docs', '/account']);

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/go') {
    const requested = url.searchParams.get('dest') || '/';
    const dest = requested;
    res.writeHead(302, { Location: dest }); // expect: open-redirect
    return res.end();
  }
  res.writeHead(404, { 'Content-Type': 'text/plain' });
  res.end('not found');
}).listen(8080);
