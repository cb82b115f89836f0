import { WebSocketServer } from 'ws';
import fetch from 'node-fetch';

const wss = new WebSocketServer({ port: 8084 });

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const { avatarUrl } = JSON.parse(raw.toString());
    const response = await fetch(avatarUrl, { size: 1 << 20 }); // expect: ssrf
    ws.send(JSON.stringify({ ok: response.ok, type: response.headers.get('content-type') }));
  });
});
