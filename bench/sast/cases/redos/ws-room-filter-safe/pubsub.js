const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ port: 8082 });
const subscriptions = new Map();
const TOPICS = new Set(['prices', 'orders', 'alerts']);

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.op === 'subscribe' && TOPICS.has(msg.topic)) subscriptions.set(ws, msg.topic);
  });
  ws.on('close', () => subscriptions.delete(ws));
});

function publish(topic, payload) {
  for (const [ws, wanted] of subscriptions) if (wanted === topic) ws.send(JSON.stringify({ topic, payload }));
}

module.exports = { publish };
