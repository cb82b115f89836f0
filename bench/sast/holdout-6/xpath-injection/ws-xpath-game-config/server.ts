import { WebSocketServer } from 'ws';
import { findItem } from './items';

const wss = new WebSocketServer({ port: 7000 });

wss.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const msg = JSON.parse(raw.toString()) as { type: string; name: string };
    if (msg.type === 'item') socket.send(JSON.stringify({ type: 'item', items: findItem(msg.name) }));
  });
});
