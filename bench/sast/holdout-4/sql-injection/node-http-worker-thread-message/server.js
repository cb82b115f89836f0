const http = require('node:http');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const worker = new Worker(path.join(__dirname, 'lookup-worker.js'));
const pending = new Map();
let nextId = 1;

worker.on('message', ({ id, rows }) => {
  const res = pending.get(id);
  pending.delete(id);
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(rows));
});

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const id = nextId++;
  pending.set(id, res);
  worker.postMessage({ id, name: url.searchParams.get('name') ?? '' });
}).listen(8080);
