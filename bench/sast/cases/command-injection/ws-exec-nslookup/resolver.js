const { WebSocketServer } = require('ws');
const { exec } = require('child_process');

function lookup(host, done) {
  exec('nslookup ' + host, { timeout: 3000 }, (err, stdout) => done(err ? 'lookup failed' : stdout)); // expect: command-injection
}

const wss = new WebSocketServer({ port: 8081 });
wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const { host } = JSON.parse(raw);
    lookup(host, (answer) => ws.send(answer));
  });
});
