const http = require('node:http');
const config = require('./config');

function debugView(cfg) {
  return { ...cfg };
}

http.createServer((req, res) => {
  if (req.url === '/debug/config') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(debugView(config))); // expect: data-leak
    return;
  }
  res.writeHead(404).end();
}).listen(8080);
