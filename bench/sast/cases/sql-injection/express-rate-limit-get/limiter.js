const express = require('express');
const Database = require('better-sqlite3');
const { LRUCache } = require('lru-cache');

const db = new Database('limits.db');
const recent = new LRUCache({ max: 10_000, ttl: 60_000 });
const app = express();

app.use((req, res, next) => {
  const ip = req.get('x-forwarded-for') || req.socket.remoteAddress;
  if (recent.get(ip)) return res.status(429).json({ error: 'slow down' });
  const row = db.prepare(`SELECT hits FROM rate_limits WHERE ip = '${ip}'`).get(); // expect: sql-injection
  if (row && row.hits > 100) recent.set(ip, true);
  next();
});

app.listen(3000);
