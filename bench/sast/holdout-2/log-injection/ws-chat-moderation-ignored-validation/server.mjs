import { WebSocketServer } from 'ws';
import { handleChat } from './handlers/chat.mjs';

const wss = new WebSocketServer({ port: 8082 });

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let message;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    handleChat(wss, socket, message);
  });
});
