import { WebSocketServer } from 'ws';
import { ping } from './lib/diagnostics.mjs';

const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (socket) => {
  socket.on('message', async (data) => {
    let message;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (message.type !== 'ping' || typeof message.host !== 'string') return;
    try {
      const output = await ping(message.host);
      socket.send(JSON.stringify({ type: 'ping-result', output }));
    } catch (err) {
      socket.send(JSON.stringify({ type: 'ping-error', error: err.shortMessage }));
    }
  });
});
