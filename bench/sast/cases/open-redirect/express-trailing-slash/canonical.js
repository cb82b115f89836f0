const express = require('express');

const app = express();

app.use((req, res, next) => {
  if (req.path.length > 1 && req.path.endsWith('/')) {
    const [path, query] = req.originalUrl.split('?');
    return res.redirect(301, path.replace(/\/+$/, '') + (query ? `?${query}` : '')); // expect: open-redirect
  }
  next();
});

app.get('/docs', (req, res) => res.json({ docs: true }));

app.listen(3000);
