const { WebSocketServer } = require('ws');
const { notify } = require('./notifier');

const wss = new WebSocketServer({ port: 9000 });

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const { title, body } = JSON.parse(String(data));
    notify(title, body);
  });
});
