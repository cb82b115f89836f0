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
  const filePath = path.resolve(PUBLIC_DIR, '.' + path.sep + relative);
  if (!filePath.startsWith(PUBLIC_DIR + path.sep)) {
    res.writeHead(403);
    res.end();
    return;
  }
  fs.readFile(filePath, (err, data) => {
    if (err) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(data);
  });
}).listen(8000);
