import { createServer } from 'node:http';
import express from 'express';
import { Server } from 'socket.io';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ host: 'db', user: 'chat', database: 'chat' });
const app = express();
const httpServer = createServer(app);
const io = new Server(httpServer);

io.on('connection', (socket) => {
  socket.on('search', async (payload, ack) => {
    const term = payload?.term ?? '';
    const [rows] = await pool.execute("SELECT id, body, sent_at FROM messages WHERE room_id = 7 AND body LIKE CONCAT('%', ?, '%')", [String(term)]);
    ack(rows);
  });
});

httpServer.listen(3000);
