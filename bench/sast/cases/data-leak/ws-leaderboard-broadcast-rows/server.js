const { WebSocketServer, WebSocket } = require('ws');
const { Pool } = require('pg');

const pool = new Pool();
const wss = new WebSocketServer({ port: 8090 });

async function pushLeaderboard() {
  const { rows } = await pool.query('SELECT * FROM players ORDER BY score DESC LIMIT 10');
  const frame = JSON.stringify({ type: 'leaderboard', rows });
  wss.clients.forEach((peer) => {
    if (peer.readyState === WebSocket.OPEN) peer.send(frame); // expect: data-leak
  });
}

wss.on('connection', (ws) => {
  ws.on('message', async (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'score') {
      await pool.query('UPDATE players SET score = score + 1 WHERE id = $1', [Number(msg.playerId)]);
      await pushLeaderboard();
    }
  });
});
