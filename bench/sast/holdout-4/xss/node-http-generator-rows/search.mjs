import http from 'node:http';
import he from 'he';

const PRODUCTS = ['kettle', 'toaster', 'blender', 'mixer'];

function* resultRows(term) {
  const label = term;
  let any = false;
  for (const p of PRODUCTS) {
    if (!p.includes(term.toLowerCase())) continue;
    any = true;
    yield `<tr><td>${p}</td></tr>`;
  }
  if (!any) yield `<tr><td>No results for ${label}</td></tr>`;
}

http.createServer((req, res) => {
  const term = new URL(req.url, 'http://localhost').searchParams.get('q') ?? '';
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<table>${[...resultRows(term)].join('')}</table>`); // expect: xss
}).listen(8080);
