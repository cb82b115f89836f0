const WebSocket = require('ws');
const { decode } = require('./codec');

const readings = [];
const wss = new WebSocket.Server({ port: 7070 });

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let reading;
    try {
      reading = decode(data.toString('utf8'));
    } catch {
      socket.send('{"error":"bad message"}');
      return;
    }
    readings.push({ sensor: String(reading.sensor), value: Number(reading.value), at: Date.now() });
  });
});
