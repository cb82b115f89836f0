const { Server } = require('socket.io');
const mongoose = require('mongoose');

const Message = mongoose.model('Message', new mongoose.Schema({ room: String, author: String, text: String, at: Date }));
const io = new Server(3001, { cors: { origin: process.env.APP_ORIGIN } });

io.on('connection', (socket) => {
  socket.on('history', async (payload, ack) => {
    const room = payload && payload.room;
    const messages = await Message.find({ room }).select('author text at').sort({ at: -1 }).limit(50).lean(); // expect: nosql-injection
    ack(messages);
  });
});
