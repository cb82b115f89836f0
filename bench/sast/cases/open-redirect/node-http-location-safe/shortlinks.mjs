import { createServer } from 'node:http';

const LINKS = new Map([
  ['docs', 'https://docs.example.com/'],
  ['status', 'https://status.example.com/'],
]);

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const to = LINKS.get(url.searchParams.get('to'));
  if (!to) return res.writeHead(400).end();
  res.writeHead(302, { Location: to });
  res.end();
}).listen(3000);
