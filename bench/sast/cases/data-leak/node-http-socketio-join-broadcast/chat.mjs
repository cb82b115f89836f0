import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer);

io.on('connection', (socket) => {
  socket.on('join', (nickname) => {
    const member = { id: socket.id, nickname: String(nickname).slice(0, 24), sessionToken: randomUUID() };
    socket.emit('welcome', member);
    const announcement = member;
    socket.broadcast.emit('member-joined', announcement); // expect: data-leak
  });
});

httpServer.listen(3000);
