import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const MAP_DIR = path.resolve(process.env.MAP_DIR ?? './sourcemaps');

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname !== '/sourcemap') {
      res.writeHead(404).end();
      return;
    }
    const file = path.resolve(MAP_DIR, url.searchParams.get('file') ?? '');
    if (!file.startsWith(MAP_DIR + path.sep)) {
      res.writeHead(400).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(data);
    });
  })
  .listen(9000);
