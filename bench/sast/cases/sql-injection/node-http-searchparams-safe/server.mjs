import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool();

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const id = Number.parseInt(url.searchParams.get('id'), 10);
  if (Number.isNaN(id)) {
    res.statusCode = 400;
    return res.end();
  }
  const result = await pool.query('SELECT id, headline, body FROM news WHERE id = ' + id);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(result.rows));
}).listen(3000);
