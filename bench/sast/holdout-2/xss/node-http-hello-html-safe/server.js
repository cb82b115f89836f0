const http = require('node:http');
const escapeHtml = require('escape-html');

const show = (value) => escapeHtml(value);

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const name = url.searchParams.get('name') ?? 'guest';
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>Hello</title><p>Hello, ${show(name)}!</p>`);
}).listen(8080);
