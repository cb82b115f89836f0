const express = require('express');

const app = express();

app.use((req, res, next) => {
  const match = req.path.match(/^\/topic\/(\d+)\/?$/);
  if (match) return res.redirect(301, '/t/' + match[1]);
  next();
});

app.get('/t/:id', (req, res) => res.json({ topic: Number(req.params.id) }));

app.listen(3000);
