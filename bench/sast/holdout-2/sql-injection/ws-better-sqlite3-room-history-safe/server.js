const { WebSocketServer } = require('ws');
const store = require('./store');

const wss = new WebSocketServer({ port: 8084 });

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let message;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (message.type === 'history') {
      const rows = store.recentMessages(String(message.room), 50);
      socket.send(JSON.stringify({ type: 'history', room: message.room, messages: rows }));
    }
  });
});
