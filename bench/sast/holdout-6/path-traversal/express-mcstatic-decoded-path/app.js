const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const ROOT = path.resolve(__dirname, 'public');

app.use('/static', (req, res) => {
  const file = path.join(ROOT, decodeURIComponent(req.path));
  fs.createReadStream(file) // expect: path-traversal
    .on('error', () => res.sendStatus(404))
    .pipe(res.type(path.extname(file) || 'application/octet-stream'));
});

app.listen(8080);
