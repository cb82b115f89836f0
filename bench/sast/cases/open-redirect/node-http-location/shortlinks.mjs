import { createServer } from 'node:http';

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const to = url.searchParams.get('to');
  if (!to) return res.writeHead(400).end();
  res.writeHead(302, { Location: to }); // expect: open-redirect
  res.end();
}).listen(3000);
