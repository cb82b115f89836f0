import { WebSocketServer } from 'ws';
import fetch from 'node-fetch';

const wss = new WebSocketServer({ port: 8084 });
const UPLOAD_HOST = 'uploads.example.com';

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const { avatarUrl } = JSON.parse(raw.toString());
    const url = new URL(avatarUrl);
    if (url.protocol !== 'https:' || url.hostname !== UPLOAD_HOST) return ws.send(JSON.stringify({ ok: false }));
    const response = await fetch(url.href, { size: 1 << 20 });
    ws.send(JSON.stringify({ ok: response.ok, type: response.headers.get('content-type') }));
  });
});
