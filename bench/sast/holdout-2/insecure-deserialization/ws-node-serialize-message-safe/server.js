const { WebSocketServer } = require('ws');
const { applyMove } = require('./game');

const wss = new WebSocketServer({ port: 8085 });
const decode = (text) => JSON.parse(text);

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let move;
    try {
      move = decode(data.toString());
    } catch {
      return;
    }
    const state = applyMove(move);
    for (const client of wss.clients) client.send(JSON.stringify({ type: 'state', state }));
  });
});
