import { createServer } from 'node:http';
import { Server } from 'socket.io';
import mongoose from 'mongoose';
import { registerRoomHandlers } from './realtime/rooms.js';

await mongoose.connect(process.env.MONGO_URL);
const httpServer = createServer();
registerRoomHandlers(new Server(httpServer, { cors: { origin: 'https://chat.example.com' } }));
httpServer.listen(3001);
