const http = require('node:http');
const sqlite3 = require('sqlite3');

const db = new sqlite3.Database('./game.db');

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const season = url.searchParams.get('season') || '1';
  db.all('SELECT player, score FROM scores WHERE season = ' + season + ' ORDER BY score DESC LIMIT 20', (err, rows) => { // expect: sql-injection
    res.writeHead(err ? 500 : 200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(err ? { error: 'db' } : rows));
  });
}).listen(8080);
