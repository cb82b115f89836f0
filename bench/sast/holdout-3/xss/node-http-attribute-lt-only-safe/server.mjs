import { createServer } from 'node:http';
import escapeHtml from 'escape-html';

createServer((req, res) => {
  const { searchParams } = new URL(req.url, `http://${req.headers.host}`);
  const name = escapeHtml(searchParams.get('name') ?? '');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<form><input name="name" value="${name}"><button>Save</button></form>`);
}).listen(3000);
