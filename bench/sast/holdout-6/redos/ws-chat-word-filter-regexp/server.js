const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ port: 8080 });
const filters = [];

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'addFilter') {
      filters.push(new RegExp(msg.pattern, 'i')); // expect: redos
      return;
    }
    if (msg.type === 'say' && !filters.some((f) => f.test(msg.text))) {
      for (const c of wss.clients) c.send(JSON.stringify({ type: 'say', text: msg.text }));
    }
  });
});
