const express = require('express');
const path = require('path');

const app = express();

// Directory URLs get their trailing slash, like a static file server does.
app.use((req, res, next) => {
  if (req.method !== 'GET' || req.path.endsWith('/') || path.extname(req.path)) return next();
  const location = `/${req.path.replace(/^[/\\]+/, '')}/`;
  res.redirect(301, location);
});

app.use(express.static(path.join(__dirname, 'site')));
app.listen(3000);
