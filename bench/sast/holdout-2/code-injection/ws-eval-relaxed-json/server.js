const WebSocket = require('ws');

const wss = new WebSocket.Server({ port: 8081 });
const subscriptions = new Map();

wss.on('connection', (ws) => {
  subscriptions.set(ws, new Set());

  ws.on('message', (raw) => {
    let command;
    try {
      command = eval('(' + raw.toString() + ')'); // expect: code-injection
    } catch {
      ws.send(JSON.stringify({ error: 'bad message' }));
      return;
    }
    if (command.action === 'subscribe' && typeof command.channel === 'string') {
      subscriptions.get(ws).add(command.channel);
      ws.send(JSON.stringify({ ok: true, channel: command.channel }));
    }
  });

  ws.on('close', () => subscriptions.delete(ws));
});
