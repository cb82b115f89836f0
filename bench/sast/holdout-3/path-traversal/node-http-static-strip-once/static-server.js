const http = require('http');
const fs = require('fs');
const path = require('path');

const PUBLIC_DIR = path.join(__dirname, 'public');

function cleanPath(urlPath) {
  return decodeURIComponent(urlPath).replace('../', '');
}

http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  const relative = cleanPath(pathname);
  const filePath = path.join(PUBLIC_DIR, relative);
  fs.readFile(filePath, (err, data) => { // expect: path-traversal
    if (err) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(data);
  });
}).listen(8000);
