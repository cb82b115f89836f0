const http = require('http');
const { Pool } = require('pg');

const pool = new Pool();

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/events') {
    res.writeHead(404).end();
    return;
  }
  const limit = url.searchParams.get('limit') ?? '20';
  try {
    const { rows } = await pool.query(`SELECT id, kind, created_at FROM events ORDER BY created_at DESC LIMIT ${limit}`); // expect: sql-injection
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(rows));
  } catch {
    res.writeHead(500).end();
  }
});

server.listen(8080);
