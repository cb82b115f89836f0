import { WebSocketServer } from 'ws';
import { chatLog } from './logger';

const wss = new WebSocketServer({ port: 8088 });

wss.on('connection', (ws, req) => {
  const peer = req.socket.remoteAddress;
  ws.on('message', (data) => {
    const text = data.toString();
    chatLog.info(`message from ${peer}: ${text}`); // expect: log-injection
    for (const client of wss.clients) client.send(text);
  });
});
