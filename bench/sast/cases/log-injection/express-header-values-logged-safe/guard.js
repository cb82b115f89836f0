const express = require('express');

const app = express();
app.use(express.json());
const blocked = new Set(['203.0.113.7']);

app.post('/login', (req, res, next) => {
  if (blocked.has(req.ip)) {
    console.warn(`blocked login attempt from ${req.ip} with ${req.get('user-agent')}`);
    return res.sendStatus(403);
  }
  next();
});

app.listen(3000);
