const http = require('http');
const crypto = require('crypto');

const server = http.createServer((req, res) => res.writeHead(426).end());

server.on('upgrade', (req, socket) => {
  const protocol = new URL(req.url, 'http://localhost').searchParams.get('protocol') || 'chat.v1';
  const accept = crypto.createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ' + accept + '\r\nSec-WebSocket-Protocol: ' + protocol + '\r\n\r\n'); // expect: header-injection
});

server.listen(3000);
