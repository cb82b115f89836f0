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
    let parsed;
    try {
      parsed = new URL(target);
    } catch {
      parsed = null;
    }
    if (!parsed || parsed.protocol !== 'https:' || !ALLOWED_HOSTS.has(parsed.hostname)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('target not allowed');
      return;
    }
    const client = https;
    client.get(parsed, (upstream) => {
      res.writeHead(upstream.statusCode || 502, { 'Content-Type': upstream.headers['content-type'] || 'application/octet-stream' });
      upstream.pipe(res);
    });
  })
  .listen(8081);
