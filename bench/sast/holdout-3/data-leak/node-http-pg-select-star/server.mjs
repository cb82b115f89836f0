import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool();

createServer(async (req, res) => {
  if (req.url !== '/patients/today') {
    res.writeHead(404).end();
    return;
  }
  const { rows } = await pool.query("SELECT * FROM patients WHERE admitted_on = CURRENT_DATE");
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(rows)); // expect: data-leak
}).listen(8080);
