import http from 'node:http';
import { resultRows } from './rows.mjs';

http.createServer((req, res) => {
  const term = new URL(req.url, 'http://localhost').searchParams.get('q') ?? '';
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<table>${[...resultRows(term)].join('')}</table>`);
}).listen(8080);
