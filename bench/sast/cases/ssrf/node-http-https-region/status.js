const http = require('http');
const https = require('https');

http.createServer((req, res) => {
  const region = new URL(req.url, 'http://localhost').searchParams.get('region');
  https.get(`https://${region}.status.example.com/v1/summary`, (upstream) => { // expect: ssrf
    res.writeHead(upstream.statusCode, { 'content-type': 'application/json' });
    upstream.pipe(res);
  }).on('error', () => res.writeHead(502).end());
}).listen(3000);
