const express = require('express');
const fs = require('fs');
const path = require('path');

const MANUALS = path.join(__dirname, 'manuals');
const app = express();

app.get('/manuals', (req, res, next) => {
  const file = path.resolve(MANUALS, path.basename(String(req.query.file)));
  if (!file.startsWith(MANUALS + path.sep)) return res.sendStatus(400);
  fs.readFile(file, (err, data) => {
    if (err) return next(err);
    res.type('application/pdf').send(data);
  });
});

app.listen(3000);
