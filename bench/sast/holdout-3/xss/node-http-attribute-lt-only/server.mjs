import { createServer } from 'node:http';

const lessThan = (s) => s.replace(/</g, '&lt;');

createServer((req, res) => {
  const { searchParams } = new URL(req.url, `http://${req.headers.host}`);
  const name = lessThan(searchParams.get('name') ?? '');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<form><input name="name" value="${name}"><button>Save</button></form>`); // expect: xss
}).listen(3000);
