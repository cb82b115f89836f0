const { WebSocketServer } = require('ws');

const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (ws) => {
  let nick = 'anonymous';
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type === 'nick' && typeof msg.nick === 'string') {
      nick = msg.nick.slice(0, 32);
      return;
    }
    const text = String(msg.text ?? '').slice(0, 500);
    console.log(`[chat] ${nick}: ${text}`); // expect: log-injection
    for (const client of wss.clients) client.send(JSON.stringify({ nick, text }));
  });
});
