import { WebSocketServer } from 'ws';
import { recentMessages } from './history';

const wss = new WebSocketServer({ port: 8081 });

wss.on('connection', (socket) => {
  socket.on('message', async (data) => {
    const msg = JSON.parse(data.toString()) as { type: string; room: string };
    if (msg.type !== 'history') return;
    const rows = await recentMessages(msg.room);
    socket.send(JSON.stringify({ type: 'history', rows }));
  });
});
