const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method !== 'GET' || url.pathname !== '/api/customers') {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    return res.end('{"error":"not found"}');
  }
  try {
    const { rows } = await pool.query('SELECT id, name, company, created_at FROM customers ORDER BY created_at DESC LIMIT 50');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ customers: rows }));
  } catch (err) {
    res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end('{"error":"internal"}');
  }
});

server.listen(8080);
