import http from 'node:http';
import { readShared } from './share.mjs';

http.createServer(async (req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  try {
    const data = await readShared(decodeURIComponent(pathname));
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404).end();
  }
}).listen(8000);
