const http = require('node:http');
const { WebSocketServer } = require('ws');

const ROOMS = new Set(['lobby', 'support']);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('chat server');
});
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url, 'http://localhost');
  const room = url.searchParams.get('room') ?? '';
  if (!ROOMS.has(room)) {
    const shown = encodeURIComponent(room);
    socket.end(`HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nX-Unknown-Room: ${shown}\r\nConnection: close\r\n\r\n`);
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, room));
});

server.listen(8080);
