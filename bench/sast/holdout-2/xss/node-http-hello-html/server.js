const http = require('node:http');
const escapeHtml = require('escape-html');

const show = (value) => value;

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const name = url.searchParams.get('name') ?? 'guest';
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>Hello</title><p>Hello, ${show(name)}!</p>`); // expect: xss
}).listen(8080);
