import { createServer } from 'node:http';
import { titleOf } from './preview.mjs';

createServer(async (req, res) => {
  const params = new URL(req.url, 'http://localhost').searchParams;
  const u = params.get('u');
  if (!u) {
    res.writeHead(400).end();
    return;
  }
  try {
    const title = await titleOf(u);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ title }));
  } catch {
    res.writeHead(502).end();
  }
}).listen(8787);
