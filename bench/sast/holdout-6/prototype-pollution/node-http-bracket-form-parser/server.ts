import http from 'node:http';
import { parseNestedForm } from './form';

http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const form = parseNestedForm(body);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ received: Object.keys(form) }));
  });
}).listen(8080);
