const express = require('express');
const busboy = require('busboy');
const fs = require('node:fs');
const path = require('node:path');

const UPLOAD_DIR = path.join(__dirname, 'uploads');
const app = express();

app.post('/upload', (req, res) => {
  // preservePath keeps the relative names of folder uploads (busboy strips them by default).
  const bb = busboy({ headers: req.headers, preservePath: true, limits: { files: 1 } });
  bb.on('file', (field, file, info) => {
    const target = path.join(UPLOAD_DIR, path.basename(info.filename));
    file.pipe(fs.createWriteStream(target));
  });
  bb.on('close', () => res.status(201).json({ ok: true }));
  req.pipe(bb);
});

app.listen(3000);
