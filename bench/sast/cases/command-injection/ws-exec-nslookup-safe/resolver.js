const { WebSocketServer } = require('ws');
const { execFile } = require('child_process');
const isFQDN = require('validator/lib/isFQDN');

function lookup(host, done) {
  if (typeof host !== 'string' || !isFQDN(host)) return done('invalid host');
  execFile('nslookup', [host], { timeout: 3000 }, (err, stdout) => done(err ? 'lookup failed' : stdout));
}

const wss = new WebSocketServer({ port: 8081 });
wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const { host } = JSON.parse(raw);
    lookup(host, (answer) => ws.send(answer));
  });
});
