const express = require('express');
const http = require('http');

const app = express();
app.use(express.json());
const PRINTERS = new Map([
  ['floor-1', '10.0.1.20'],
  ['floor-2', '10.0.2.20'],
]);

app.post('/printers/status', (req, res) => {
  const host = PRINTERS.get(req.body.host);
  if (!host) return res.status(404).json({ error: 'unknown printer' });
  const target = { host, port: 631, path: '/ipp/print', method: 'GET', timeout: 2000 };
  const probe = http.request(target, (upstream) => res.json({ online: upstream.statusCode === 200 }));
  probe.on('error', () => res.json({ online: false }));
  probe.end();
});

app.listen(3000);
