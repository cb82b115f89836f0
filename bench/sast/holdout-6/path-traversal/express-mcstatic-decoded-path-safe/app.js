const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const ROOT = path.resolve(__dirname, 'public');

app.use('/static', (req, res) => {
  const file = path.resolve(ROOT, '.' + decodeURIComponent(req.path));
  if (!file.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  fs.createReadStream(file)
    .on('error', () => res.sendStatus(404))
    .pipe(res.type(path.extname(file) || 'application/octet-stream'));
});

app.listen(8080);
