import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool();

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const id = url.searchParams.get('id');
  const result = await pool.query('SELECT id, headline, body FROM news WHERE id = ' + id); // expect: sql-injection
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(result.rows));
}).listen(3000);
