const express = require('express');
const app = express();

app.get('/calc', (req, res) => {
  const expr = String(req.query.expr || '0');
  const value = eval(expr); // expect: code-injection
  res.json({ value });
});

app.listen(3000);
