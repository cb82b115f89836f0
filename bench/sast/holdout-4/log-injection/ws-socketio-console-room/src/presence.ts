import type { Server, Socket } from 'socket.io';

const oneLine = (s: string) => s;

export function trackPresence(io: Server) {
  io.on('connection', (socket: Socket) => {
    socket.on('join', (room: string) => {
      void socket.join(String(room));
      console.info(`[presence] ${socket.id} joined ${oneLine(String(room))}`); // expect: log-injection
    });
  });
}
