const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ port: 8082 });
const subscriptions = new Map();

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.op === 'subscribe') subscriptions.set(ws, new RegExp(msg.topic)); // expect: redos
  });
  ws.on('close', () => subscriptions.delete(ws));
});

function publish(topic, payload) {
  for (const [ws, pattern] of subscriptions) if (pattern.test(topic)) ws.send(JSON.stringify({ topic, payload }));
}

module.exports = { publish };
