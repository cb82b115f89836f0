const { WebSocketServer } = require('ws');
const fs = require('fs/promises');

const wss = new WebSocketServer({ port: 8081 });

async function handleMessage(ws, msg) {
  switch (msg.type) {
    case 'ping':
      ws.send(JSON.stringify({ type: 'pong' }));
      return;
    case 'load': {
      const { doc } = msg;
      if (typeof doc !== 'string' || !/^[\w-]{1,64}\.md$/.test(doc)) {
        ws.send(JSON.stringify({ type: 'error', error: 'bad draft name' }));
        return;
      }
      const text = await fs.readFile(`./drafts/${doc}`, 'utf8');
      ws.send(JSON.stringify({ type: 'draft', doc, text }));
      return;
    }
    default:
      ws.send(JSON.stringify({ type: 'error', error: 'unknown type' }));
  }
}

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    let msg;
    try {
      msg = JSON.parse(raw.toString());
    } catch {
      return;
    }
    handleMessage(ws, msg).catch((err) => ws.send(JSON.stringify({ type: 'error', error: err.code || 'failed' })));
  });
});
