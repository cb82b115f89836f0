const express = require('express');
const fs = require('fs');
const path = require('path');

const MANUALS = path.join(__dirname, 'manuals');
const app = express();

app.get('/manuals', (req, res, next) => {
  const file = path.join(MANUALS, req.query.file);
  fs.readFile(file, (err, data) => { // expect: path-traversal
    if (err) return next(err);
    res.type('application/pdf').send(data);
  });
});

app.listen(3000);
