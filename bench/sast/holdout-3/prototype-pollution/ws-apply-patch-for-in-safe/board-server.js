const { WebSocketServer, WebSocket } = require('ws');
const { state, applyPatch } = require('./state');

const wss = new WebSocketServer({ port: 4010 });

wss.on('connection', (ws) => {
  ws.send(JSON.stringify({ type: 'snapshot', state }));
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw.toString());
    if (msg.type !== 'patch') return;
    applyPatch(state, msg.patch);
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(JSON.stringify(msg));
    }
  });
});
