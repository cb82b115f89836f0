const express = require('express');

const app = express();

app.use((req, res, next) => {
  const match = req.path.match(/^\/out\/(.+)$/);
  if (match) return res.redirect(301, decodeURIComponent(match[1])); // expect: open-redirect
  next();
});

app.get('/t/:id', (req, res) => res.json({ topic: Number(req.params.id) }));

app.listen(3000);
