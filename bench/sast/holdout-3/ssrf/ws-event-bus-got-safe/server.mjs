import { WebSocketServer } from 'ws';
import { bus } from './bus.mjs';
import './previews.mjs';

const wss = new WebSocketServer({ port: 8095 });

wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const { kind, url } = JSON.parse(String(data));
    if (kind === 'preview') {
      bus.emit('preview', { url, reply: (result) => ws.send(JSON.stringify(result)) });
    }
  });
});
