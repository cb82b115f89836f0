const crypto = require('node:crypto');
const { WebSocketServer } = require('ws');
const { authenticate } = require('./auth');

const wss = new WebSocketServer({ port: 8083 });
const sessions = new Map();

function broadcastPresence() {
  const online = [...sessions.values()].map(({ userId, displayName }) => ({ userId, displayName }));
  for (const client of wss.clients) client.send(JSON.stringify({ type: 'presence', online }));
}

wss.on('connection', async (socket, req) => {
  const user = await authenticate(req);
  if (!user) {
    socket.close(4401, 'unauthorized');
    return;
  }
  const token = crypto.randomBytes(32).toString('hex');
  sessions.set(socket, { userId: user.id, displayName: user.displayName, email: user.email, token });
  socket.send(JSON.stringify({ type: 'welcome', token }));
  broadcastPresence();
  socket.on('close', () => {
    sessions.delete(socket);
    broadcastPresence();
  });
});
