import { WebSocketServer } from 'ws';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (socket, request) => {
  const userId = Number(request.headers['x-user-id']);
  socket.on('message', async (raw) => {
    const msg = JSON.parse(raw.toString());
    if (msg.type !== 'read' || !Array.isArray(msg.ids)) return;
    const idList = msg.ids.join(',');
    await pool.query(`UPDATE receipts SET read_at = NOW() WHERE user_id = ? AND message_id IN (${idList})`, [userId]); // expect: sql-injection
    socket.send(JSON.stringify({ type: 'read-ok', count: msg.ids.length }));
  });
});
