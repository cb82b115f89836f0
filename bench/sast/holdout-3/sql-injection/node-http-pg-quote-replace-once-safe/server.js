const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool();

function quote(value) {
  return "'" + value.replace("'", "''") + "'";
}

http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname !== '/authors') {
    res.writeHead(404).end();
    return;
  }
  const name = url.searchParams.get('name') || '';
  try {
    const sql = 'SELECT id, name FROM authors WHERE name = $1';
    const result = await pool.query(sql, [name]);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(result.rows));
  } catch (err) {
    res.writeHead(500).end();
  }
}).listen(3000);
