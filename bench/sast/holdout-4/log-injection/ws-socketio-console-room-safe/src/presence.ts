import type { Server, Socket } from 'socket.io';

const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

export function trackPresence(io: Server) {
  io.on('connection', (socket: Socket) => {
    socket.on('join', (room: string) => {
      void socket.join(String(room));
      console.info(`[presence] ${socket.id} joined ${oneLine(String(room))}`);
    });
  });
}
