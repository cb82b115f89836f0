import { WebSocketServer, WebSocket } from 'ws';
import { findUserBySession } from './users';

const wss = new WebSocketServer({ port: 8090 });

function broadcast(payload: unknown) {
  const text = JSON.stringify(payload);
  for (const client of wss.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(text); // expect: data-leak
  }
}

wss.on('connection', async (socket, req) => {
  const sessionId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('session') ?? '';
  const user = await findUserBySession(sessionId);
  if (!user) return socket.close(4401, 'unauthorised');
  broadcast({ type: 'joined', user });
});
