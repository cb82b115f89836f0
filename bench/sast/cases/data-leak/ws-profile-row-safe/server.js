const { WebSocketServer } = require('ws');
const Database = require('better-sqlite3');

const db = new Database('app.db', { readonly: true });
const wss = new WebSocketServer({ port: 8085 });

wss.on('connection', (ws, req) => {
  const userId = Number(req.headers['x-user-id']);
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type !== 'profile') return;
    const user = db.prepare('SELECT id, display_name FROM users WHERE id = ?').get(userId);
    ws.send(JSON.stringify({ type: 'profile', user }));
  });
});
