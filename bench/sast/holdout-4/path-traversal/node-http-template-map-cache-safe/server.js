const http = require('node:http');
const { loadView } = require('./views');

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
