const express = require('express');
const os = require('os');
const { randomInt } = require('crypto');
const { exportPad } = require('./exporter');

const app = express();

app.get('/p/:pad/export/:type', async (req, res, next) => {
  const types = ['pdf', 'doc', 'txt', 'html', 'odt'];
  if (types.indexOf(req.params.pad) === -1) {
    return next();
  }
  try {
    const destFile = `${os.tmpdir()}/export_${randomInt(1e9)}.${req.params.type}`;
    await exportPad(req.params.pad, destFile);
    res.sendFile(destFile); // expect: path-traversal
  } catch (err) {
    next(err);
  }
});

app.listen(9001);
