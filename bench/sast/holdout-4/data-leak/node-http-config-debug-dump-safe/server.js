const http = require('node:http');
const config = require('./config');

function debugView(cfg) {
  return { env: cfg.env, version: cfg.version, features: cfg.features };
}

http.createServer((req, res) => {
  if (req.url === '/debug/config') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(debugView(config)));
    return;
  }
  res.writeHead(404).end();
}).listen(8080);
