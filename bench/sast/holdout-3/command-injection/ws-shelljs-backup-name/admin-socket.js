const { WebSocketServer } = require('ws');
const shell = require('shelljs');

const wss = new WebSocketServer({ port: 9090 });

function createBackup(name, reply) {
  shell.exec(`tar -czf /var/backups/${name}.tgz /srv/data`, { silent: true }, (code, stdout, stderr) => { // expect: command-injection
    reply({ type: 'backup', ok: code === 0, error: code === 0 ? undefined : stderr.trim() });
  });
}

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const { action, name } = JSON.parse(raw);
    if (action === 'backup') {
      createBackup(name, (msg) => ws.send(JSON.stringify(msg)));
    }
  });
});
