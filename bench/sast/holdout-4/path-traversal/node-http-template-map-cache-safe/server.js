const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const VIEWS = path.join(__dirname, 'views');
const SHIPPED = new Set(['welcome.txt', 'terms.txt', 'privacy.txt']);
const cache = new Map();

function loadView(name) {
  if (cache.has(name)) return cache.get(name);
  if (!SHIPPED.has(name)) throw new Error('unknown view');
  const text = fs.readFileSync(path.join(VIEWS, name), 'utf8');
  cache.set(name, text);
  return text;
}

http.createServer((req, res) => {
  const { searchParams } = new URL(req.url, 'http://localhost');
  try {
    const body = loadView(searchParams.get('view') ?? 'welcome.txt');
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(8080);
