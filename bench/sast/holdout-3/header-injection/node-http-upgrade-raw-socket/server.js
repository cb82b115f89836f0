const http = require('node:http');
const { WebSocketServer } = require('ws');

const SUPPORTED = new Set(['chat.v1', 'chat.v2']);
const server = http.createServer();
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  const protocol = new URL(req.url, 'http://localhost').searchParams.get('protocol') ?? '';
  if (!SUPPORTED.has(protocol)) {
    socket.end(`HTTP/1.1 400 Bad Request\r\nX-Unsupported-Protocol: ${protocol}\r\nConnection: close\r\n\r\n`); // expect: header-injection
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req, protocol));
});

server.listen(8080);
