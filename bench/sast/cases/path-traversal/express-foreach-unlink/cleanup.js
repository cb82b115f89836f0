const express = require('express');
const fs = require('fs');
const path = require('path');

const UPLOADS = path.resolve('uploads');
const app = express();
app.use(express.json());

app.post('/uploads/delete', (req, res) => {
  const removed = [];
  req.body.files.forEach((name) => {
    fs.rmSync(path.join(UPLOADS, name), { force: true }); // expect: path-traversal
    removed.push(name);
  });
  res.json({ removed: removed.length });
});

app.listen(3000);
