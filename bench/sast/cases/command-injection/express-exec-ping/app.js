const express = require('express');
const { exec } = require('child_process');

const app = express();

app.get('/diag/ping', (req, res) => {
  const host = req.query.host;
  exec('ping -c 1 ' + host, { timeout: 5000 }, (err, stdout) => { // expect: command-injection
    res.json({ reachable: !err, output: stdout });
  });
});

app.listen(3000);
