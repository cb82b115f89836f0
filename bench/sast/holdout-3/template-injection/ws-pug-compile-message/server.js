const { WebSocketServer } = require('ws');
const { renderWidget } = require('./widgets');

const wss = new WebSocketServer({ port: 8088 });

wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    ws.send(JSON.stringify({ type: 'widget', html: renderWidget(message) }));
  });
});
