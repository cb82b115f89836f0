import type { Server } from 'socket.io';
import type { Pool } from 'pg';

export function registerMembers(io: Server, pool: Pool) {
  io.on('connection', (socket) => {
    socket.on('room:join', async (roomId: number) => {
      await socket.join(`room:${Number(roomId)}`);
      const { rows } = await pool.query('SELECT u.id, u.display_name, u.status FROM users u JOIN room_members m ON m.user_id = u.id WHERE m.room_id = $1', [Number(roomId)]);
      io.to(`room:${Number(roomId)}`).emit('room:members', rows);
    });
  });
}
