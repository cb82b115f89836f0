const { WebSocketServer } = require('ws');
const serialize = require('node-serialize');
const { applyMove } = require('./game');

const wss = new WebSocketServer({ port: 8085 });
const decode = (text) => serialize.unserialize(text);

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let move;
    try {
      move = decode(data.toString()); // expect: insecure-deserialization
    } catch {
      return;
    }
    const state = applyMove(move);
    for (const client of wss.clients) client.send(JSON.stringify({ type: 'state', state }));
  });
});
