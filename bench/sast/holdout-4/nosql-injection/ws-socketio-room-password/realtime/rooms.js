import { Room } from './room-model.js';

export function registerRoomHandlers(io) {
  io.on('connection', (socket) => {
    socket.on('join', async ({ slug, password }, ack) => {
      const room = await Room.findOne({ slug, password }).select('_id name').lean(); // expect: nosql-injection
      if (!room) return ack({ ok: false });
      await socket.join(String(room._id));
      ack({ ok: true, name: room.name });
    });
  });
}
