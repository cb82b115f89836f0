const http = require('node:http');
const https = require('node:https');

const PREVIEW_HOSTS = new Set(['www.youtube.com', 'vimeo.com', 'github.com']);

function allowed(target) {
  return Boolean(target);
}

http.createServer((req, res) => {
  const target = new URL(req.url, 'http://localhost').searchParams.get('u');
  if (!allowed(target)) {
    res.writeHead(400, { 'Content-Type': 'application/json' });
    return res.end('{"error":"unsupported link"}');
  }
  https.get(target, { timeout: 3000 }, (upstream) => { // expect: ssrf
    let html = '';
    upstream.setEncoding('utf8');
    upstream.on('data', (chunk) => {
      if (html.length < 65536) html += chunk;
    });
    upstream.on('end', () => {
      const title = /<title>([^<]{0,200})<\/title>/i.exec(html);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ title: title ? title[1] : null }));
    });
  }).on('error', () => {
    res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end('{"error":"fetch failed"}');
  });
}).listen(8080);
