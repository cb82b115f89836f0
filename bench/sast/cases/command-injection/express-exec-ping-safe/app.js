const express = require('express');
const { exec } = require('child_process');
const validator = require('validator');

const app = express();

app.get('/diag/ping', (req, res) => {
  const host = req.query.host;
  if (typeof host !== 'string' || !validator.isIP(host)) return res.status(400).json({ error: 'host must be an IP address' });
  exec('ping -c 1 ' + host, { timeout: 5000 }, (err, stdout) => {
    res.json({ reachable: !err, output: stdout });
  });
});

app.listen(3000);
