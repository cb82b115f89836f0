const { WebSocketServer } = require('ws');
const { unfurl } = require('./unfurl');

const wss = new WebSocketServer({ port: 8090 });

wss.on('connection', (ws) => {
  ws.on('message', async (data) => {
    const msg = JSON.parse(data);
    if (msg.type === 'unfurl') ws.send(JSON.stringify({ type: 'preview', preview: await unfurl(msg.url) }));
  });
});
