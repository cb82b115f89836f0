const { WebSocketServer } = require('ws');
const RE2 = require('re2');

const wss = new WebSocketServer({ port: 8080 });
const filters = [];

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'addFilter') {
      filters.push(new RE2(msg.pattern, 'i'));
      return;
    }
    if (msg.type === 'say' && !filters.some((f) => f.test(msg.text))) {
      for (const c of wss.clients) c.send(JSON.stringify({ type: 'say', text: msg.text }));
    }
  });
});
