const http = require('node:http');

function sendRedirect(res, location) {
  res.writeHead(302, { Location: location });
  res.end();
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/continue') {
    const next = url.searchParams.get('next') || '/';
    sendRedirect(res, /^\/(?![/\\])[\w\-/]*$/.test(next) ? next : '/');
    return;
  }
  res.writeHead(404).end();
}).listen(8080);
