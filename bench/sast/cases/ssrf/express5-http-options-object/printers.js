const express = require('express');
const http = require('http');

const app = express();
app.use(express.json());

app.post('/printers/status', (req, res) => {
  const target = { host: req.body.host, port: 631, path: '/ipp/print', method: 'GET', timeout: 2000 };
  const probe = http.request(target, (upstream) => res.json({ online: upstream.statusCode === 200 })); // expect: ssrf
  probe.on('error', () => res.json({ online: false }));
  probe.end();
});

app.listen(3000);
