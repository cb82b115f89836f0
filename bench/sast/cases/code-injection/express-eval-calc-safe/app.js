const express = require('express');
const app = express();

app.get('/calc', (req, res) => {
  const expr = String(req.query.expr || '0');
  if (!/^[\d\s+\-*/().]{1,100}$/.test(expr)) return res.status(400).json({ error: 'not an arithmetic expression' });
  const value = eval(expr);
  res.json({ value });
});

app.listen(3000);
