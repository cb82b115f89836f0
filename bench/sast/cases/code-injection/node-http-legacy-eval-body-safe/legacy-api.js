const http = require('http');

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      data += chunk;
      if (data.length > 1e6) req.destroy();
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function parsePayload(text) {
  return JSON.parse(text);
}

http.createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/rpc') {
    res.writeHead(404).end();
    return;
  }
  try {
    const payload = parsePayload(await readBody(req));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: payload.id, result: 'queued' }));
  } catch {
    res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"bad payload"}');
  }
}).listen(8000);
