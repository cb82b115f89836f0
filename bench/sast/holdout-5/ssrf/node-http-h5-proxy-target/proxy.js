const http = require('http');
const https = require('https');

const ALLOWED_HOSTS = new Set(['api.example-cdn.com', 'static.example-cdn.com']);

http
  .createServer((req, res) => {
    const { searchParams } = new URL(req.url, 'http://localhost');
    const target = searchParams.get('target');
    if (!target) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('missing target');
      return;
    }
    const client = target.startsWith('https:') ? https : http;
    client.get(target, (upstream) => { // expect: ssrf
      res.writeHead(upstream.statusCode || 502, { 'Content-Type': upstream.headers['content-type'] || 'application/octet-stream' });
      upstream.pipe(res);
    });
  })
  .listen(8081);
