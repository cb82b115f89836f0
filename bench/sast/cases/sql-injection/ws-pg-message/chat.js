const { WebSocketServer } = require('ws');
const { Pool } = require('pg');

const pool = new Pool();
const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (socket) => {
  socket.on('message', async (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type !== 'history') return;
    const { rows } = await pool.query("SELECT author, text, sent_at FROM messages WHERE room = '" + msg.room + "' ORDER BY sent_at DESC LIMIT 50"); // expect: sql-injection
    socket.send(JSON.stringify(rows));
  });
});
