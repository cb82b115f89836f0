const http = require('node:http');

function sendRedirect(res, location) {
  res.writeHead(302, { Location: location }); // expect: open-redirect
  res.end();
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/continue') {
    sendRedirect(res, url.searchParams.get('next') || '/');
    return;
  }
  res.writeHead(404).end();
}).listen(8080);
