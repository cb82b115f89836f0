const { WebSocketServer } = require('ws');
const funcster = require('funcster');

const layouts = new Map();

function readLayout(text) {
  return JSON.parse(text);
}

new WebSocketServer({ port: 8095 }).on('connection', (ws, req) => {
  const user = new URL(req.url, 'ws://localhost').searchParams.get('session') ?? 'anon';
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type !== 'layout.save') return;
    layouts.set(user, readLayout(msg.layout));
    ws.send(JSON.stringify({ type: 'layout.saved' }));
  });
});
