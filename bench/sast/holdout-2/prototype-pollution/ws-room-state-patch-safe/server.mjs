import { WebSocketServer } from 'ws';
import { applyPatch } from './lib/patch.mjs';

const wss = new WebSocketServer({ port: 8090 });
const room = { title: 'Planning', board: { columns: { todo: [], done: [] } } };

wss.on('connection', (socket) => {
  socket.send(JSON.stringify({ type: 'state', room }));
  socket.on('message', (data) => {
    let message;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (message.type === 'patch' && message.patch && typeof message.patch === 'object') {
      applyPatch(room, message.patch);
      for (const client of wss.clients) client.send(JSON.stringify({ type: 'state', room }));
    }
  });
});
